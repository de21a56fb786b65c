// The move of a running installation from Camunda 7.24 to Operaton, on one PostgreSQL 17 database:
// the Camunda build creates the database and takes a case halfway (records complete, clinical
// summary written, one of its two items decided), and stops; the Operaton build (.ci/operaton)
// starts on the same database, finds the case where it was, and carries it on to its letter: the
// second item decided, the letter approved and issued by its job, the final determination's PDF
// served. Logs, the letter and its first page as PNG go to target/screenshots/switch-*.
// Run after `mvn package` and `bash .ci/operaton`: node src/test/browser/camunda-to-operaton.mjs
// (CAMUNDA_JAR and OPERATON_JAR name other jars; by default target/ and target/operaton/target/).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  Checks, establishFacts, findJar, httpClient, root, screenshots, startApplication, startPostgres, waitFor
} from './support.mjs';

const checks = new Checks();
const check = (condition, what) => checks.check(condition, what);
const PASSWORD = 'demo';
const ADMIN = ['admin', 'admin'];
const SECOND_ADMIN_PASSWORD = 'second-administrator-password';

const seed = JSON.parse(fs.readFileSync(path.join(root, 'src/test/resources/cases/seed-massage.json'), 'utf8'));
const run = Date.now().toString(36).toUpperCase();
const application = {
  ...seed,
  employee: {...seed.employee, name: 'Switch Test Employee ' + run, claimNumber: 'SWITCH-' + run},
  disputedItems: [
    seed.disputedItems[0],
    {requestedTreatment: 'Chiropractic manipulation, 6 visits for the lumbar spine', treatmentCategory: 'CHIRO',
      requestDate: '2014-06-20', priorUnits: 0, requestedUnits: 6}
  ]
};

function engine(http) {
  return {
    tasks: (caseNumber, key) =>
      http('GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&taskDefinitionKey=${key}`, ...ADMIN),
    complete: (taskId, variables) => http('POST', `/engine-rest/task/${taskId}/complete`, ...ADMIN,
      {variables: Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, {value}]))}),
    instance: async caseNumber => (await http('GET', `/engine-rest/process-instance?businessKey=${caseNumber}`, ...ADMIN))[0],
    definitions: () => http('GET', '/engine-rest/process-definition?key=imr-case', ...ADMIN)
  };
}

/** Decides one item as the guideline recommends, as the reviewer's form submits it. */
async function decide(api, task) {
  const form = await api.http('GET', `/engine-rest/task/${task.id}/form-variables`, ...ADMIN);
  await establishFacts(api.http, form.caseNumber.value, form.itemNo.value, ...ADMIN);
  const recommended = form.recommendedOutcome?.value;
  const decision = recommended === 'MEDICALLY_NECESSARY' ? 'OVERTURNED' : 'UPHELD';
  const variables = {decision};
  if (recommended !== 'MEDICALLY_NECESSARY' && recommended !== 'NOT_MEDICALLY_NECESSARY') {
    Object.assign(variables, {ownCitation: 'MTUS Chronic Pain Medical Treatment Guidelines (2009), p. 58',
      ownRationale: 'The records document no functional improvement from the visits already given.'});
  }
  await api.complete(task.id, variables);
  return form.itemNo?.value;
}

async function onCamunda(database, jar) {
  console.log('== the Camunda build on a new database: ' + path.relative(root, jar));
  const app = await startApplication('switch-camunda.log', database.args, jar);
  try {
    const http = httpClient(app.base);
    const api = {...engine(http), http};
    const {caseNumber} = await http('POST', '/api/cases', 'intake1', PASSWORD, application);
    await http('POST', `/api/cases/${caseNumber}/records`, 'intake1', PASSWORD, {documents: [
      {title: "Primary treating physician's progress report (PR-2)", author: 'Dr. Test Physician', date: '2014-06-12', pages: 30},
      {title: 'Utilization review determination', author: 'Sierra Claims Administrators', date: '2014-06-27', pages: 24}]});
    const [recordsCheck] = await waitFor('the records check', () => api.tasks(caseNumber, 'CheckRecordsCompletenessTask')
      .then(tasks => tasks.length && tasks));
    await api.complete(recordsCheck.id, {recordsComplete: true});
    const [summary] = await waitFor('the clinical summary task', () => api.tasks(caseNumber, 'WriteClinicalSummaryTask')
      .then(tasks => tasks.length && tasks));
    await api.complete(summary.id, {pagesReviewed: 54,
      clinicalSummary: 'The claimant was described as a 44-year-old man injured in 2012.'});
    const items = await waitFor('two item decisions', () => api.tasks(caseNumber, 'DecideItemTask')
      .then(tasks => tasks.length === 2 && tasks));
    const decidedOnCamunda = await decide(api, items[0]);
    // An administrator besides the provisioned one, as an organization adds them in the Admin webapp.
    await http('POST', '/engine-rest/user/create', ...ADMIN, {profile: {id: 'admin2', firstName: 'Second',
      lastName: 'Administrator', email: 'admin2@example.org'}, credentials: {password: SECOND_ADMIN_PASSWORD}});
    await http('PUT', '/engine-rest/group/camunda-admin/members/admin2', ...ADMIN);
    const definitions = await api.definitions();
    const instance = await api.instance(caseNumber);
    check(instance && (await api.tasks(caseNumber, 'DecideItemTask')).length === 1,
      `Camunda: case ${caseNumber} waits for its second item decision, the first one (item ${decidedOnCamunda}) decided`);
    return {caseNumber, decidedOnCamunda, definitions, instance};
  } finally {
    await app.stop();
  }
}

async function onOperaton(database, jar, before) {
  console.log('== the Operaton build on the same database: ' + path.relative(root, jar));
  const app = await startApplication('switch-operaton.log', database.args, jar);
  try {
    const http = httpClient(app.base);
    const api = {...engine(http), http};
    const {caseNumber} = before;
    const definitions = await api.definitions();
    check(JSON.stringify(definitions.map(d => d.id)) === JSON.stringify(before.definitions.map(d => d.id)),
      `Operaton: the models are not deployed again (process definitions ${definitions.map(d => d.version).join(', ')})`);
    const instance = await api.instance(caseNumber);
    check(instance?.id === before.instance.id && instance.definitionId === before.instance.definitionId,
      'Operaton: the case runs on, the same process instance of the same definition');
    const groups = (await http('GET', '/engine-rest/group?member=admin2', ...ADMIN)).map(group => group.id);
    await http('POST', '/engine-rest/user/intake2/unlock', 'admin2', SECOND_ADMIN_PASSWORD);
    check(groups.includes('operaton-admin'), `Operaton: Camunda's other administrator is an administrator still ` +
      `(groups ${groups.join(', ')}; unlocked a user, which only administrators may)`);
    const open = await api.tasks(caseNumber, 'DecideItemTask');
    check(open.length === 1, 'Operaton: the case waits for the item decision it waited for on Camunda');
    const decidedOnOperaton = await decide(api, open[0]);
    const [qa] = await waitFor('letter QA', () => api.tasks(caseNumber, 'ReviewLetterTask').then(tasks => tasks.length && tasks));
    await api.complete(qa.id, {letterApproved: true});
    // The letter is issued by a job of the engine (asynchronous continuation), which Operaton's job executor runs.
    const view = await waitFor('the letter to be issued', async () => {
      const current = await http('GET', `/api/cases/${caseNumber}`, 'supervisor1', PASSWORD);
      return current.status === 'DETERMINATION_ISSUED' && current;
    });
    check(view.status === 'DETERMINATION_ISSUED' && view.outcome,
      `Operaton: the case closes with its determination issued (outcome ${view.outcome})`);
    const decisions = Object.fromEntries(view.disputedItems.map(item => [item.itemNo, item.decision]));
    check(decisions[before.decidedOnCamunda]?.decision && decisions[decidedOnOperaton]?.decision
      && decisions[before.decidedOnCamunda].decidedAt < decisions[decidedOnOperaton].decidedAt,
      `the letter's items: item ${before.decidedOnCamunda} decided on Camunda (${decisions[before.decidedOnCamunda]?.decision}), ` +
      `item ${decidedOnOperaton} on Operaton (${decisions[decidedOnOperaton]?.decision})`);
    const response = await fetch(`${app.base}/api/cases/${caseNumber}/letter?kind=FINAL_DETERMINATION`, {
      headers: {Authorization: 'Basic ' + Buffer.from('supervisor1:' + PASSWORD).toString('base64')}
    });
    const pdf = Buffer.from(await response.arrayBuffer());
    const file = path.join(screenshots, 'switch-final-determination.pdf');
    fs.writeFileSync(file, pdf);
    check(response.ok && pdf.subarray(0, 5).toString() === '%PDF-',
      `Operaton: the final determination letter is served as a PDF (${pdf.length} bytes)`);
    if (fs.existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, path.join(screenshots, 'switch-final-determination')]);
    }
  } finally {
    await app.stop();
  }
}

async function main() {
  fs.mkdirSync(screenshots, {recursive: true});
  const camundaJar = process.env.CAMUNDA_JAR || findJar();
  const operatonJar = process.env.OPERATON_JAR || findJar(path.join(root, 'target', 'operaton', 'target'));
  const started = Date.now();
  let database;
  try {
    database = await startPostgres('switch-postgres.log');
    database.args = ['--spring.datasource.url=' + database.url, '--spring.datasource.username=' + database.user,
      '--spring.datasource.password=' + database.password];
    const before = await onCamunda(database, camundaJar);
    await onOperaton(database, operatonJar, before);
  } catch (error) {
    checks.fail('the move could not be carried out: ' + error.message.split('\n')[0]);
  } finally {
    await database?.stop();
  }
  console.log(`== Camunda to Operaton took ${Math.round((Date.now() - started) / 1000)} s; logs in target/screenshots/switch-*`);
  checks.finish('switch');
}

await main();
