// Browser check of the paper-application start form in Tasklist: intake1 keys in applications with
// 1, 3 and 20 disputed treatments (20: the most the intake API takes) and starts each case; each is
// registered with its treatments in the order keyed in, the form sent one group per treatment, and
// the notice after the start names the case registered.
// Starts the built application (target/*.jar) on a free port with an in-memory H2 database;
// screenshots go to target/screenshots/start-form/. The last line is "start form: N passed, M failed".
// Run after `mvn package`: node src/test/browser/start-form.mjs
// (START_FORM_BASE_URL=http://host:port runs it against an application already running instead.)
import fs from 'node:fs';
import path from 'node:path';
import {checkReadable, keyInApplication, openStartForm, section} from './forms.mjs';
import {
  Checks, httpClient, launchBrowser, login, root, screenshot, screenshots, startApplication, waitFor
} from './support.mjs';

const shots = path.join(screenshots, 'start-form');
const checks = new Checks();
const TIMEOUT = 60_000;

// Treatments as the form offers their category and region; item n takes the n-th, round the list.
const TREATMENTS = [
  {requestedTreatment: 'Massage therapy, 6 visits for the cervical spine', categoryLabel: 'Massage therapy',
    treatmentCategory: 'MASSAGE', regionLabel: 'Cervical spine', priorUnits: 6, requestedUnits: 6},
  {requestedTreatment: 'Chiropractic manipulation, 6 visits for the lumbar spine', categoryLabel: 'Chiropractic / manipulation',
    treatmentCategory: 'CHIRO', regionLabel: 'Lumbar spine', priorUnits: 0, requestedUnits: 6},
  {requestedTreatment: 'Hydrocodone/acetaminophen 10/325 mg, #60', categoryLabel: 'Opioids', treatmentCategory: 'OPIOID',
    regionLabel: 'Not applicable'},
  {requestedTreatment: 'Acupuncture, 8 sessions for the low back', categoryLabel: 'Acupuncture',
    treatmentCategory: 'ACUPUNCTURE', regionLabel: 'Lumbar spine', requestedUnits: 8},
  {requestedTreatment: 'MRI of the lumbar spine without contrast', categoryLabel: 'MRI lumbar spine',
    treatmentCategory: 'MRI_LUMBAR', regionLabel: 'Lumbar spine'}
];

const seed = JSON.parse(fs.readFileSync(path.join(root, 'src/test/resources/cases/seed-massage.json'), 'utf8'));
const run = Date.now().toString(36).toUpperCase();

/** The seed case's parties with a claim of its own and n disputed treatments, each told apart by its number. */
function application(n) {
  const items = Array.from({length: n}, (_, i) => ({
    ...TREATMENTS[i % TREATMENTS.length],
    requestedTreatment: `${TREATMENTS[i % TREATMENTS.length].requestedTreatment} (request ${i + 1} of ${n})`,
    requestDate: '2014-06-20'
  }));
  return {...seed, employee: {...seed.employee, name: `Start Form Employee ${n} ${run}`, claimNumber: `SF-${n}-${run}`},
    disputedItems: items};
}

/** Keys in an application of n treatments, starts it, and checks what was registered. */
async function startCase(page, http, n) {
  const keyed = application(n);
  const form = await openStartForm(page);
  await keyInApplication(form, keyed);
  for (const shown of [n, n + 1]) {
    const groups = await section(form, 'Disputed treatment ' + shown).count();
    if (groups !== (shown <= n ? 1 : 0)) {
      throw new Error(`with ${n} treatments chosen the form shows ${groups} "Disputed treatment ${shown}"`);
    }
  }
  await checkReadable(page);
  await screenshot(page, path.join(shots, `${String(n).padStart(2, '0')}-items-keyed-in.png`), {maxHeight: 16000});
  const submitted = page.waitForRequest(request => request.method() === 'POST' && request.url().endsWith('/submit-form'));
  await page.locator('.modal-footer button', {hasText: 'Start'}).click();
  const variables = JSON.parse((await submitted).postData()).variables;
  await page.locator('.modal-body').waitFor({state: 'detached', timeout: TIMEOUT});

  const groups = Object.keys(variables).filter(name => /^disputedItem\d+$/.test(name));
  if (variables.disputedTreatmentCount?.value !== String(n) || groups.length !== n
      || groups.some(name => variables[name].type !== 'Json')) {
    throw new Error(`the form sent ${variables.disputedTreatmentCount?.value} as the number and groups ${groups.join(', ')}`);
  }
  const caseNumber = await waitFor('the case to be registered', async () =>
    (await http('GET', `/engine-rest/history/process-instance?startedBy=intake1&sortBy=startTime&sortOrder=desc&maxResults=1`,
      'admin', 'admin'))[0]?.businessKey);
  // Intake lands on the number: the notice Tasklist's start leaves names the case and links its page.
  const shown = await page.locator('.imr-case-started .imr-case-number').innerText({timeout: TIMEOUT});
  if (shown !== caseNumber) {
    throw new Error(`the start's notice names case ${shown}, not ${caseNumber}`);
  }
  const registered = await http('GET', `/api/cases/${caseNumber}`, 'supervisor1', 'demo');
  const expected = keyed.disputedItems.map(item => `${item.requestedTreatment} / ${item.treatmentCategory}`);
  const kept = registered.disputedItems.map(item => `${item.requestedTreatment} / ${item.treatmentCategory}`);
  if (registered.channel !== 'PAPER' || JSON.stringify(kept) !== JSON.stringify(expected)) {
    throw new Error(`case ${caseNumber} is not the application keyed in: ${registered.channel} ${JSON.stringify(kept)}`);
  }
  return caseNumber;
}

async function main() {
  fs.rmSync(shots, {recursive: true, force: true});
  fs.mkdirSync(shots, {recursive: true});
  const started = Date.now();
  let app = {base: process.env.START_FORM_BASE_URL, stop: async () => {}};
  if (!app.base) {
    console.log('== start form: starting the application');
    app = await startApplication('start-form-application.log',
      ['--spring.datasource.url=jdbc:h2:mem:start-form;DB_CLOSE_DELAY=-1', '--camunda.bpm.job-execution.enabled=false']);
  }
  let closeBrowser;
  let page;
  try {
    const http = httpClient(app.base);
    ({page, close: closeBrowser} = await launchBrowser('start-form'));
    page.setDefaultTimeout(10_000);
    await login(page, app.base, 'tasklist', 'intake1', 'demo');
    // Tasklist's first load after start-up (some 4 MB of scripts) takes minutes on a busy machine.
    await page.locator('.task-filters').waitFor({timeout: 3 * TIMEOUT});
    const cases = [];
    for (const n of [1, 3, 20]) {
      try {
        const caseNumber = await startCase(page, http, n);
        cases.push(caseNumber);
        checks.check(true, `intake1 starts case ${caseNumber} with ${n} disputed treatment${n === 1 ? '' : 's'}, registered in the order keyed in`);
      } catch (error) {
        checks.fail(`a case with ${n} disputed treatments: ${error.message.split('\n')[0]}`);
        await screenshot(page, path.join(shots, `FAILED-${n}-items.png`)).catch(() => {});
        // The next application starts from a closed dialog.
        await page.keyboard.press('Escape').catch(() => {});
        await page.goto(`${app.base}/camunda/app/tasklist/default/`).catch(() => {});
      }
    }
    checks.check(new Set(cases).size === cases.length, 'each application got a case number of its own');
  } catch (error) {
    checks.fail('the check could not run: ' + error.message.split('\n')[0]);
    await screenshot(page, path.join(shots, 'FAILED.png')).catch(() => {});
  } finally {
    await closeBrowser?.();
    await app.stop();
  }
  console.log(`== start form took ${Math.round((Date.now() - started) / 1000)} s; screenshots in target/screenshots/start-form/`);
  checks.finish('start form');
}

await main();
