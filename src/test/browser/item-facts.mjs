// Browser check of the facts section of "Decide disputed item": the seed case (massage, 6 visits done
// and 6 requested) with the progress report delivered as a PDF. The assigned reviewer opens the
// decision in Tasklist, opens the facts page from it, opens the report at the page a fact cites,
// corrects a fact (the massage is part of an exercise programme after all), saves and sees the
// recommendation change, goes back round the BPMN loop ("I corrected facts") and decides on the
// recommendation computed from the established facts. Starts the built application (target/*.jar)
// on a free port with an in-memory H2 database. Screenshots: target/screenshots/facts/.
// Then a case filed today (request of the current year): its reviewer's decision shows the facts of
// the table in force today (the MTUS with the ACOEM guidelines) and a recommendation that cites the
// current guideline, or names what that guideline leaves to the physician's judgement.
// Run after `mvn package`: node src/test/browser/item-facts.mjs
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  Checks, httpClient, launchBrowser, login, logout, root, screenshots, startApplication, testClasspath, waitFor
} from './support.mjs';

const shots = path.join(screenshots, 'facts');
const checks = new Checks();
const TIMEOUT = 60_000;
const REPORT = "Primary treating physician's progress report (PR-2)";

let shotNumber = 0;
async function shot(page, name) {
  shotNumber++;
  await page.screenshot({path: path.join(shots, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true});
}

async function formText(page) {
  return (await page.locator('.task-details .fjs-form').innerText()).replace(/\s+/g, ' ');
}

/** Opens a task in Tasklist by its id, as the task list's link does, and waits for its form. */
async function openTask(page, base, taskId) {
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('.task-details .fjs-form').waitFor({timeout: TIMEOUT});
  await page.waitForTimeout(1000);
}

async function completeTask(page, http, taskId) {
  await page.locator('.task-details .form-actions button', {hasText: 'Complete'}).click();
  await waitFor('the task to be completed', async () =>
    (await http('GET', `/engine-rest/task?taskId=${taskId}`, 'admin', 'admin')).length === 0);
}

async function deliverReport(base, caseNumber) {
  const folder = path.join(shots, 'records');
  execFileSync('java', ['-cp', testClasspath(), 'org.openimr.records.TestDocumentFiles', folder, caseNumber],
    {stdio: ['ignore', 'ignore', 'inherit']});
  const form = new FormData();
  form.append('metadata', new Blob([JSON.stringify({documents: [{sender: 'CLAIMS_ADMINISTRATOR',
    dateReceived: new Date().toLocaleDateString('en-CA', {timeZone: 'America/Los_Angeles'}), title: REPORT,
    author: 'Dr. Test Physician', dateOfService: '2014-06-12'}]})], {type: 'application/json'}));
  form.append('files', new Blob([fs.readFileSync(path.join(folder, 'progress-report.pdf'))]), 'progress-report.pdf');
  const response = await fetch(`${base}/api/cases/${caseNumber}/documents`, {method: 'POST', body: form,
    headers: {Authorization: 'Basic ' + Buffer.from('intake1:demo').toString('base64')}});
  if (!response.ok) {
    throw new Error(`the report was not delivered: HTTP ${response.status} ${await response.text()}`);
  }
}

/** A date in California, `days` before today, as the API takes it. */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA', {timeZone: 'America/Los_Angeles'});
}

/** The reviewer's walk for a case filed today: the current table's facts, the current guideline's citation. */
async function caseFiledToday(app, http, page) {
  const application = JSON.parse(fs.readFileSync(path.join(root, 'src/test/resources/cases/seed-massage.json'), 'utf8'));
  const run = Date.now().toString(36).toUpperCase();
  application.employee = {...application.employee, name: 'Current MTUS Employee ' + run, claimNumber: 'NOW-' + run};
  Object.assign(application, {applicationReceivedDate: daysAgo(0), applicationSignedDate: daysAgo(5),
    urDecisionDate: daysAgo(17), urDecisionServedDate: daysAgo(14)});
  const requestDate = daysAgo(24);
  application.disputedItems[0].requestDate = requestDate;
  const caseNumber = (await http('POST', '/api/cases', 'intake1', 'demo', application)).caseNumber;
  await http('POST', `/api/cases/${caseNumber}/records`, 'intake1', 'demo', {documents: [
    {title: REPORT, author: 'Dr. Test Physician', date: daysAgo(30), pages: 12}]});
  const task = async key => (await http('GET',
    `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&taskDefinitionKey=${key}`, 'admin', 'admin'))[0];
  const check = await waitFor('the records check', () => task('CheckRecordsCompletenessTask'));
  await http('POST', `/engine-rest/task/${check.id}/complete`, 'admin', 'admin', {variables: {recordsComplete: {value: true}}});
  const summary = await waitFor('the clinical summary task', () => task('WriteClinicalSummaryTask'));
  await http('POST', `/engine-rest/task/${summary.id}/complete`, 'admin', 'admin', {variables: {
    pagesReviewed: {value: 12}, clinicalSummary: {value: 'The claimant is a 56-year-old man with chronic neck pain.'}}});
  const decide = await waitFor('the decision task of the case filed today', () => task('DecideItemTask'));
  checks.check(requestDate.startsWith(new Date().getFullYear().toString()),
    `case ${caseNumber} was filed today, its request dated ${requestDate}, and reached its reviewer`);

  await logout(page);
  await login(page, app.base, 'tasklist', decide.assignee, 'demo');
  await openTask(page, app.base, decide.id);
  const form = await formText(page);
  const citation = /Citation: (.*?) \(criterion/.exec(form)?.[1] || '';
  const rule = /Rule: (\S+)/.exec(form)?.[1] || '';
  checks.check(/ACOEM|MTUS/.test(citation) && !/\.md|shared\/|guideline-rules/.test(form) && !rule.endsWith('-EDITION'),
    `the recommendation cites the current guideline (rule ${rule}): ${citation}`);
  const judgement = form.includes('Your judgement: the guidelines do not decide this request');
  if (judgement) {
    const rationale = /Your judgement: the guidelines do not decide this request (.*?) Rule:/.exec(form)?.[1] || '';
    checks.check(rationale.length > 40, `left to physician judgement, it names what is open: ${rationale}`);
  }
  await shot(page, 'today-decide-item-current-guideline');

  const tableFacts = (await http('GET', `/api/guidelines/categories/MASSAGE/facts?requestDate=${requestDate}`,
    decide.assignee, 'demo')).facts.filter(fact => !fact.fromApplication).map(fact => fact.name);
  const [facts] = await Promise.all([page.context().waitForEvent('page'),
    page.locator('.task-details .fjs-form a', {hasText: 'Establish or correct the facts'}).click()]);
  await facts.locator('#fact-list tr').first().waitFor({timeout: TIMEOUT});
  const names = await facts.locator('#fact-list tr').evaluateAll(rows => rows.map(row => row.dataset.fact));
  checks.check(names.length > 0 && JSON.stringify(names) === JSON.stringify(tableFacts) && names.includes('painPhase'),
    `the facts step asks the facts of the table in force today: ${names}`);
  await shot(facts, 'today-facts-page-current-table');
  const shown = (await facts.locator('#recommendation').innerText()).replace(/\s+/g, ' ');
  checks.check(/ACOEM|MTUS/.test(shown) && !shown.includes('-EDITION'),
    `the facts page's recommendation cites the current guideline: ${shown}`);
  await facts.close();
}

async function main() {
  fs.mkdirSync(shots, {recursive: true});
  const app = await startApplication('item-facts-app.log', []);
  const http = httpClient(app.base);
  const browser = await launchBrowser('item-facts');
  const page = browser.page;
  try {
    const application = JSON.parse(fs.readFileSync(path.join(root, 'src/test/resources/cases/seed-massage.json'), 'utf8'));
    const run = Date.now().toString(36).toUpperCase();
    application.employee = {...application.employee, name: 'Facts Check Employee ' + run, claimNumber: 'FACTS-' + run};
    const caseNumber = (await http('POST', '/api/cases', 'intake1', 'demo', application)).caseNumber;
    await deliverReport(app.base, caseNumber);
    const task = async key => (await http('GET',
      `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&taskDefinitionKey=${key}`, 'admin', 'admin'))[0];
    await http('POST', `/engine-rest/task/${(await task('CheckRecordsCompletenessTask')).id}/complete`, 'admin', 'admin',
      {variables: {recordsComplete: {value: true}}});
    const summary = await waitFor('the clinical summary task', () => task('WriteClinicalSummaryTask'));
    await http('POST', `/engine-rest/task/${summary.id}/complete`, 'admin', 'admin', {variables: {
      pagesReviewed: {value: 300}, clinicalSummary: {value: 'The claimant is a 44-year-old man injured in 2012.'}}});
    const decide = await waitFor('the decision task', () => task('DecideItemTask'));
    const reviewer = decide.assignee;

    await login(page, app.base, 'tasklist', reviewer, 'demo');
    await openTask(page, app.base, decide.id);
    const before = await formText(page);
    checks.check(before.includes('Visits completed: 6 (as the application states; not yet confirmed from the records)')
      && before.includes('Rule: MASSAGE-01, MASSAGE-04'),
      'the decision shows the facts as unconfirmed and the recommendation they give (MASSAGE-01, MASSAGE-04)');
    await shot(page, 'decide-item-facts-unconfirmed');

    const [facts] = await Promise.all([page.context().waitForEvent('page'),
      page.locator('.task-details .fjs-form a', {hasText: 'Establish or correct the facts'}).click()]);
    await facts.locator('#fact-list tr').first().waitFor({timeout: TIMEOUT});
    const names = await facts.locator('#fact-list tr').evaluateAll(rows => rows.map(row => row.dataset.fact));
    checks.check(JSON.stringify(names) === JSON.stringify(['adjunctToActiveTherapy', 'priorUnits', 'requestedUnits',
      'exceptionFlag']), `the facts page lists exactly the massage table's facts: ${names}`);
    await shot(facts, 'facts-page-prefilled');

    const row = name => facts.locator(`#fact-list tr[data-fact="${name}"]`);
    const documentId = await row('priorUnits').locator('td:nth-child(3) select option', {hasText: REPORT})
      .getAttribute('value');
    for (const [name, value, page] of [['adjunctToActiveTherapy', 'true', '3'], ['priorUnits', '6', '3'],
      ['requestedUnits', '6', '4']]) {
      const cells = row(name);
      const input = cells.locator('td:nth-child(2) select, td:nth-child(2) input');
      if (await input.evaluate(node => node.tagName) === 'SELECT') {
        await input.selectOption(value);
      } else {
        await input.fill(value);
        await input.dispatchEvent('change');
      }
      await cells.locator('td:nth-child(3) select').selectOption(documentId);
      await cells.locator('td:nth-child(3) input.page').fill(page);
      await cells.locator('td:nth-child(3) input.page').dispatchEvent('change');
    }
    await row('exceptionFlag').locator('input[type=checkbox]').check();

    // The source of a fact: its page of the report, opened in the case file.
    const [source] = await Promise.all([page.context().waitForEvent('page'),
      row('adjunctToActiveTherapy').locator('a', {hasText: 'open'}).click()]);
    await source.locator('#pdf-page[data-page="3"]').waitFor({timeout: TIMEOUT});
    checks.check(true, 'the reviewer opens the report at page 3, the page the fact cites');
    await shot(source, 'source-document-page-3');
    await source.close();

    await facts.locator('#save').click();
    await facts.locator('#saved', {hasText: 'saved'}).waitFor({timeout: TIMEOUT});
    const recommendation = (await facts.locator('#recommendation').innerText()).replace(/\s+/g, ' ');
    checks.check(recommendation.includes('Rule MASSAGE-04') && !recommendation.includes('MASSAGE-01'),
      `with the massage part of an exercise programme, only the visit limit (MASSAGE-04) remains: ${recommendation}`);
    const statuses = await facts.locator('#fact-list .status').allInnerTexts();
    checks.check(statuses.join(',') === 'from the records,from the records,from the records,not documented',
      `each fact is established from the records or as not documented: ${statuses}`);
    await shot(facts, 'facts-page-established');

    // Back in the task: round the BPMN loop, then decide on the recommendation the facts give.
    await page.bringToFront();
    await page.locator('.task-details .fjs-form-field-checkbox', {hasText: 'I corrected facts'}).locator('input').check();
    await page.waitForTimeout(500);
    checks.check(await page.locator('.task-details .fjs-form-field-radio').count() === 0,
      'asking to see the recommendation again hides the decision');
    await shot(page, 'decide-item-recheck-facts');
    await completeTask(page, http, decide.id);
    const again = await waitFor('the decision task with the new recommendation', async () => {
      const next = await task('DecideItemTask');
      return next && next.id !== decide.id ? next : null;
    });
    await openTask(page, app.base, again.id);
    const after = await formText(page);
    checks.check(after.includes('Rule: MASSAGE-04') && !after.includes('MASSAGE-01')
      && after.includes(`Visits completed: 6 (${REPORT}, page 3)`)
      && after.includes('not documented in the records'),
      'the decision comes back with the recommendation and the facts with their sources');
    await shot(page, 'decide-item-facts-established');
    await page.locator('.task-details .fjs-form-field-radio').getByLabel('Upheld: not medically necessary', {exact: true})
      .check();
    await page.waitForTimeout(500);
    await completeTask(page, http, again.id);
    const decided = await http('GET', `/api/cases/${caseNumber}`, 'supervisor1', 'demo');
    const item = decided.disputedItems[0];
    checks.check(JSON.stringify(item).includes('UPHELD'), 'the reviewer decided the item: Upheld');
    await shot(page, 'item-decided');

    await caseFiledToday(app, http, page);
  } catch (error) {
    checks.check(false, error.message);
    await shot(page, 'failure').catch(() => {});
  } finally {
    await browser.close();
    await app.stop();
  }
  checks.finish('facts');
}

main();
