// Browser check of the paper-application start form in Tasklist: intake1 keys in applications with
// 1, 3 and 20 disputed treatments (20: the most the intake API takes) and starts each case; each is
// registered with its treatments in the order keyed in, the form sent one group per treatment, and
// the notice after the start names the case registered and links its case page and the cases
// registered today, and lies under the next start dialog. Before that, Esc in an open list of the
// form loses nothing, and a half-typed application kept over a closed dialog and over a reload of the
// page is offered back and discarded; the application of 3 is first refused for request dates in the
// future, each refusal under its field.
// Starts the built application (target/*.jar) on a free port with an in-memory H2 database;
// screenshots go to target/screenshots/start-form/. The last line is "start form: N passed, M failed".
// Run after `mvn package`: node src/test/browser/start-form.mjs
// (START_FORM_BASE_URL=http://host:port runs it against an application already running instead.)
import fs from 'node:fs';
import path from 'node:path';
import {checkReadable, choose, date, field, keyInApplication, openStartForm, section, type} from './forms.mjs';
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

/**
 * Keys in an application of n treatments (into the start form given, open and empty, or one opened
 * here), starts it, and checks what was registered.
 */
async function startCase(page, http, n, open = null) {
  const keyed = application(n);
  const form = open || await openStartForm(page);
  if (n === 3 && await page.locator('.imr-case-started').count()) {
    await noticeClearOfTheDialog(page);
  }
  await keyInApplication(form, keyed);
  for (const shown of [n, n + 1]) {
    const groups = await section(form, 'Disputed treatment ' + shown).count();
    if (groups !== (shown <= n ? 1 : 0)) {
      throw new Error(`with ${n} treatments chosen the form shows ${groups} "Disputed treatment ${shown}"`);
    }
  }
  await checkReadable(page);
  await screenshot(page, path.join(shots, `${String(n).padStart(2, '0')}-items-keyed-in.png`), {maxHeight: 16000});
  if (n === 3) {
    await refusedDates(page, form, keyed);
  }
  const submitted = page.waitForRequest(request => request.method() === 'POST' && request.url().endsWith('/submit-form'),
    {timeout: TIMEOUT});
  submitted.catch(() => {}); // awaited below; a Start refused by the form fails there, not as an unhandled rejection
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
  if (n === 1) {
    await noticeLinks(page, caseNumber, keyed.employee.name);
  }
  const registered = await http('GET', `/api/cases/${caseNumber}`, 'supervisor1', 'demo');
  const expected = keyed.disputedItems.map(item => `${item.requestedTreatment} / ${item.treatmentCategory}`);
  const kept = registered.disputedItems.map(item => `${item.requestedTreatment} / ${item.treatmentCategory}`);
  if (registered.channel !== 'PAPER' || JSON.stringify(kept) !== JSON.stringify(expected)) {
    throw new Error(`case ${caseNumber} is not the application keyed in: ${registered.channel} ${JSON.stringify(kept)}`);
  }
  return caseNumber;
}

const startButton = page => page.locator('.modal-footer button', {hasText: 'Start'});
const closeButton = page => page.locator('.modal-footer button', {hasText: 'Close'});

/** The start form's input of a text field, by its section and label. */
async function textInput(form, sectionName, label) {
  return (await field(section(form, sectionName), 'textfield', label)).locator('input');
}

/**
 * Esc in an open list of the start form keeps the dialog and what was typed; a half-typed application
 * is kept when the dialog is closed and when the page is reloaded, offered back, and discarded on
 * request. Answers the start form, open and empty.
 */
async function escAndDraft(page) {
  const {name, claimNumber} = application(1).employee;
  let form = await openStartForm(page);
  await type(section(form, 'Injured employee'), 'textfield', 'Name', name);
  await choose(section(form, 'Application'), 'Filed by', 'Injured employee');
  const urDecision = await field(section(form, 'Utilization review decision'), 'select', 'The UR decision');
  await urDecision.locator('.fjs-input-group').click();
  await urDecision.locator('.fjs-dropdownlist-item').first().waitFor();
  await page.keyboard.press('Escape');
  if (!await form.locator('.fjs-form').isVisible() || await (await textInput(form, 'Injured employee', 'Name')).inputValue() !== name) {
    throw new Error('Esc in the list of "The UR decision" closed the start form or lost the name typed');
  }
  await screenshot(page, path.join(shots, 'esc-in-a-list-keeps-the-form.png'), {whole: false});
  checks.check(true, 'Esc in an open list of the start form leaves the dialog open and what was typed in it');

  // form-js closes its list on a click elsewhere, as a person does before leaving the dialog.
  await (await textInput(form, 'Injured employee', 'Name')).click();
  await closeButton(page).click();
  await page.locator('.modal').waitFor({state: 'detached'});
  form = await openStartForm(page);
  await form.locator('.imr-draft').waitFor();
  if (await (await textInput(form, 'Injured employee', 'Name')).inputValue() !== name
      || !(await form.locator('.imr-draft').innerText()).includes(name)) {
    throw new Error('the start form reopened after Close does not offer back the name typed');
  }
  await screenshot(page, path.join(shots, 'draft-offered-after-close.png'), {whole: false});
  checks.check(true, 'a half-typed application is kept over a closed dialog and offered back');

  // More typed, and the page reloaded with the dialog open: Tasklist opens the form again from the
  // page's address (processStart), and the draft saved as the page was left fills it.
  await type(section(form, 'Injured employee'), 'textfield', 'Claim number', claimNumber);
  await page.reload();
  await form.locator('.fjs-form').waitFor({timeout: 3 * TIMEOUT}).catch(() => {
    throw new Error('Tasklist did not open the start form again after the reload');
  });
  await form.locator('.imr-draft').waitFor({timeout: TIMEOUT}).catch(() => {
    throw new Error('the start form opened again after the reload offers no draft');
  });
  const kept = [await (await textInput(form, 'Injured employee', 'Name')).inputValue(),
    await (await textInput(form, 'Injured employee', 'Claim number')).inputValue()];
  if (kept.join() !== [name, claimNumber].join() || !(await form.locator('.imr-draft').innerText()).includes(name)) {
    throw new Error(`the draft offered after the reload holds ${JSON.stringify(kept)}, its notice: `
      + await form.locator('.imr-draft').innerText());
  }
  await screenshot(page, path.join(shots, 'draft-offered-after-reload.png'), {whole: false});
  checks.check(true, 'a half-typed application is kept over a reload of the page with the dialog open, '
    + 'offered back naming the employee, with all that was typed');

  await form.locator('.imr-draft button', {hasText: 'Discard'}).click();
  await waitFor('the start form to open empty', async () => await form.locator('.imr-draft').count() === 0
    && await textInput(form, 'Injured employee', 'Name').then(input => input.inputValue()).catch(() => null) === ''
    && await textInput(form, 'Injured employee', 'Claim number').then(input => input.inputValue()).catch(() => null) === '', 10_000);
  await screenshot(page, path.join(shots, 'draft-discarded.png'), {whole: false});
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter(key => key.startsWith('imr-start-draft:')
    && JSON.parse(localStorage.getItem(key))?.data?.employee?.name));
  if (drafts.length) {
    throw new Error('a draft with the name typed is still kept after Discard: ' + drafts.join(', '));
  }
  checks.check(true, 'Discard empties the start form and keeps no draft of what was typed');
  return form;
}

/** The element a click at the middle of the locator's box would reach is the locator's own. */
async function uncovered(locator) {
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate(node => {
    const box = node.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return node === hit || node.contains(hit);
  });
}

/**
 * The keyed-in application of 3 with a request date in the future, item 2's then item 3's: each
 * refusal is under its own field, in the form's words with items numbered from 1, the earlier one gone,
 * Start and Close uncovered. The dates are put back.
 */
async function refusedDates(page, form, keyed) {
  const item = i => section(form, 'Disputed treatment ' + i);
  const message = async i => (await field(item(i), 'datetime', 'Request (RFA) date')).locator('.imr-field-error');
  for (const [itemNo, earlier] of [[2, null], [3, 2]]) {
    if (earlier) {
      await date(item(earlier), 'Request (RFA) date', keyed.disputedItems[earlier - 1].requestDate);
    }
    await date(item(itemNo), 'Request (RFA) date', '2031-01-15');
    await startButton(page).click();
    const expected = `Disputed treatment ${itemNo}: Request (RFA) date must not be in the future`;
    const shown = (await message(itemNo)).filter({hasText: expected});
    await shown.waitFor({timeout: TIMEOUT});
    // Every message of this try is under item itemNo's date (a date in the future is also after the UR decision).
    const all = await form.locator('.imr-field-error, .imr-start-problems').allInnerTexts();
    const underIt = await (await message(itemNo)).count();
    const banners = await page.locator('.modal .alert:visible').count();
    if (underIt !== all.length || !all.every(text => text.startsWith(`Disputed treatment ${itemNo}: `)) || banners > 1) {
      throw new Error(`after try ${earlier ? 2 : 1} the form shows ${JSON.stringify(all)} and ${banners} banner(s)`);
    }
    if (/disputedItems|\[\d+]/.test(await form.innerText())) {
      throw new Error('the refusal names the API\'s field path');
    }
    await shown.scrollIntoViewIfNeeded();
    await screenshot(page, path.join(shots, `refused-request-date-item-${itemNo}.png`), {whole: false});
    for (const button of [startButton(page), closeButton(page)]) {
      if (!await uncovered(button)) {
        throw new Error(`"${await button.innerText()}" is covered after the refusal`);
      }
    }
  }
  await date(item(3), 'Request (RFA) date', keyed.disputedItems[2].requestDate);
  checks.check(true, 'a request date in the future is refused under its own field, "Disputed treatment 2: Request (RFA) date ..."; '
    + 'on the next try only the new refusals show, under item 3\'s date, and Start and Close stay uncovered');
}

/**
 * The notice of the case started last stays in the page, to be used again once the dialog is closed,
 * but not over the start dialog opened next: what shows where it is is the dialog.
 */
async function noticeClearOfTheDialog(page) {
  const notice = page.locator('.imr-case-started');
  const covered = await notice.evaluate(node => {
    const box = node.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !node.contains(hit) && Boolean(hit?.closest('.modal'));
  });
  await screenshot(page, path.join(shots, 'next-start-dialog-over-the-notice.png'), {whole: false});
  if (!covered) {
    throw new Error('the notice of the case started last lies over the next start dialog');
  }
  checks.check(true, 'the notice of the case started last does not show over the next start dialog, kept for when it closes');
}

/** The notice after a start links the case page and the cases registered today, each showing the case. */
async function noticeLinks(page, caseNumber, employeeName) {
  const notice = page.locator('.imr-case-started');
  await screenshot(page, path.join(shots, 'case-started-notice.png'), {whole: false});
  const [casePage] = await Promise.all([page.context().waitForEvent('page'),
    notice.getByRole('link', {name: 'Open the case page'}).click()]);
  await casePage.locator('#case:not([hidden])').waitFor({timeout: TIMEOUT});
  const heading = await casePage.locator('#case-number').innerText();
  if (heading !== caseNumber || !(await casePage.locator('body').innerText()).includes(employeeName)) {
    throw new Error(`the notice's case page shows case ${heading}, not ${caseNumber} of ${employeeName}`);
  }
  await screenshot(casePage, path.join(shots, 'case-page-from-the-notice.png'), {whole: false});
  await casePage.close();
  const [today] = await Promise.all([page.context().waitForEvent('page'),
    notice.getByRole('link', {name: 'Cases I registered today'}).click()]);
  await today.locator(`#registered-list tr[data-case="${caseNumber}"]`).waitFor({timeout: TIMEOUT});
  await screenshot(today, path.join(shots, 'registered-today-from-the-notice.png'), {whole: false});
  await today.close();
  checks.check(true, `the notice after the start links case ${caseNumber}'s page and the cases registered today, both showing it`);
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
    let open = null;
    try {
      open = await escAndDraft(page);
    } catch (error) {
      checks.fail('Esc and the draft: ' + error.message.split('\n')[0]);
      await screenshot(page, path.join(shots, 'FAILED-esc-and-draft.png')).catch(() => {});
      await page.goto(`${app.base}/camunda/app/tasklist/default/`).catch(() => {});
      await page.locator('.task-filters').waitFor({timeout: TIMEOUT}).catch(() => {});
    }
    // The applications below start from an empty form, whatever the lines above left.
    await page.evaluate(() => Object.keys(localStorage).filter(key => key.startsWith('imr-start-draft:'))
      .forEach(key => localStorage.removeItem(key)));
    const cases = [];
    for (const n of [1, 3, 20]) {
      try {
        const caseNumber = await startCase(page, http, n, n === 1 ? open : null);
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
