// A whole IMR case worked by people in Tasklist and Cockpit, in headless Debian Chromium, against
// the built application on a real PostgreSQL: intake keys in a paper application with three
// disputed items, filed 34 days after the UR decision was served; the eligibility rules find it
// late (E1) and intake, screening it, overrides the finding with the reason (service by mail
// gives five more days); intake later finds the records complete; the assigned reviewer (and only that
// reviewer) writes the clinical summary and decides each item against the guideline
// recommendation shown; the supervisor returns the letter once, the reviewer corrects it, the
// supervisor approves it and downloads the PDF; the supervisor finds the case in Cockpit with its
// SLA status, and sees it closed. The medical records come as scanned mail: intake opens the case
// file from Tasklist and uploads a 300-page report (PDF) and a fax (TIFF); the reviewer opens them
// from the task and pages through them (pdf.js for the PDF, server-drawn pages for the fax). Then the
// case search finds the issued case and a withdrawn one, the case page shows the timeline, and a task's
// Case tab in Tasklist shows its case's page. A second application, without its claim number, takes a
// request for information: intake asks the claims administrator for it, the request is issued, and
// intake records the answer in Tasklist; the application comes back to screening with the answer.
//
// Every step is screenshotted to target/screenshots/walk/NN-step.png. The last line is
// "walk: N passed, M failed"; the exit code is non-zero when a step failed or was not reached.
// Run after `mvn package`: node src/test/browser/case-walk.mjs
// (WALK_BASE_URL=http://host:port runs it against an application already running instead.)
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  checkReadable, choose, date, escape, field, formText, keyInApplication, openStartForm, radio, type
} from './forms.mjs';
import {
  Checks, establishFacts, httpClient, launchBrowser, login, logout, root, screenshots, screenshot, startApplication,
  startPostgres, testClasspath, waitFor
} from './support.mjs';

const shots = path.join(screenshots, 'walk');
const checks = new Checks();
const PASSWORD = 'demo';
const TIMEOUT = 60_000;

// The paper application intake keys in: the seed case's parties, with three disputed items whose
// guideline tables answer differently (not medically necessary, medically necessary, physician judgement).
const seed = JSON.parse(fs.readFileSync(path.join(root, 'src/test/resources/cases/seed-massage.json'), 'utf8'));
const run = Date.now().toString(36).toUpperCase();
const application = {
  ...seed,
  // 34 days after the UR decision was served (June 30): the eligibility rules find it late.
  applicationReceivedDate: '2014-08-03',
  employee: {...seed.employee, name: 'Walk Test Employee ' + run, claimNumber: 'WALK-' + run},
  disputedItems: [
    {...seed.disputedItems[0], categoryLabel: 'Massage therapy', regionLabel: 'Cervical spine'},
    {requestedTreatment: 'Chiropractic manipulation, 6 visits for the lumbar spine', treatmentCategory: 'CHIRO',
      categoryLabel: 'Chiropractic / manipulation',
      regionLabel: 'Lumbar spine', requestDate: '2014-06-20', priorUnits: 0, requestedUnits: 6},
    {requestedTreatment: 'Hydrocodone/acetaminophen 10/325 mg, #60', treatmentCategory: 'OPIOID', categoryLabel: 'Opioids',
      regionLabel: 'Not applicable', requestDate: '2014-06-20'}
  ]
};

const OUTCOME_WORDS = {
  NOT_MEDICALLY_NECESSARY: 'Not medically necessary (Upheld)',
  MEDICALLY_NECESSARY: 'Medically necessary (Overturned)',
  NEEDS_PHYSICIAN_JUDGEMENT: 'Your judgement: the guidelines do not decide this request'
};

// ---------------------------------------------------------------- screenshots

let shotNumber = 0;

/** Saves the page as NN-name.png, unless told otherwise tall enough for the longest scrolling pane to show whole. */
async function shot(page, name, {whole = true} = {}) {
  shotNumber++;
  await screenshot(page, path.join(shots, `${String(shotNumber).padStart(2, '0')}-${name}.png`), {whole});
}

// ---------------------------------------------------------------- Tasklist

async function openFilter(page, name) {
  // A person closes the notice of the task just completed before moving on.
  await dismissNotices(page);
  await page.locator('.task-filters a', {hasText: name}).first().click();
  await page.waitForTimeout(1000);
}

/** The entries of the open filter with this task name (Tasklist shows the case number only in the form). */
function listed(page, name) {
  // A task's name says what it is and whose: "Review letter (CM14-0000001)", "Decide disputed item 2 of 3: Chiro… (CM14-0000001)".
  const named = new RegExp('^\\s*' + escape(name) + '( \\d+ of \\d+: .+)? \\(CM\\d\\d-\\d+\\)\\s*$');
  return page.locator('ol.tasks-list > li').filter({has: page.locator('h4 a', {hasText: named})});
}

/**
 * Opens the case's task of that name from the filter as a person does: the entries of that name one
 * by one, until the form shows the case number. Fails when the filter lists none for the case.
 */
async function openTask(page, filter, caseNumber, name) {
  await openFilter(page, filter);
  await listed(page, name).first().waitFor({timeout: TIMEOUT}).catch(() => {
    throw new Error(`"${filter}" lists no "${name}" task`);
  });
  const count = await listed(page, name).count();
  for (let i = 0; i < count; i++) {
    await listed(page, name).nth(i).locator('h4 a').click();
    await page.locator('.task-details .fjs-form').waitFor({timeout: TIMEOUT});
    await page.waitForTimeout(500);
    if ((await formText(page)).includes('Case ' + caseNumber)) {
      await checkReadable(page);
      return;
    }
  }
  throw new Error(`"${filter}" lists no "${name}" task of case ${caseNumber}`);
}

/** The case numbers of every task the filter lists, read from each task's form. */
async function casesListed(page, filter) {
  await openFilter(page, filter);
  const cases = [];
  const entries = page.locator('ol.tasks-list > li h4 a');
  for (let i = 0; i < await entries.count(); i++) {
    await entries.nth(i).click();
    await page.locator('.task-details .fjs-form').waitFor({timeout: TIMEOUT});
    await page.waitForTimeout(500);
    cases.push((await formText(page)).match(/Case (CM\d\d-\d+)/)?.[1]);
  }
  return cases;
}

async function claim(page) {
  await page.locator('.task-details button.claim').click();
  await page.locator('.task-details .fjs-form input:not([disabled]), .task-details .fjs-form textarea:not([disabled])')
    .first().waitFor({timeout: TIMEOUT});
}

function completeButton(page) {
  return page.locator('.task-details .form-actions button', {hasText: 'Complete'});
}

/** Closes Tasklist's notices, as a person does when one covers the buttons. */
async function dismissNotices(page) {
  for (const close of await page.locator('.notifications .alert button.close').all()) {
    if (await close.isVisible()) {
      await close.click();
    }
  }
}

/** Completes the open task and waits until Tasklist has taken it off (its form closes). */
async function complete(page, taskId) {
  await dismissNotices(page);
  await completeButton(page).click();
  await waitFor('the task to be completed', async () =>
    (await http('GET', `/engine-rest/task?taskId=${taskId}`, 'admin', 'admin')).length === 0);
  await page.waitForTimeout(1000);
}

/** The id of the task whose form is open (Tasklist's address names it). */
function openTaskId(page) {
  return new URL(page.url()).hash.match(/task=([0-9a-f-]+)/)[1];
}

// ---------------------------------------------------------------- the walk

const steps = [];

function step(name, body) {
  steps.push({name, body});
}

let base;
let http;
let page;
const state = {};

async function signIn(webapp, user) {
  await logout(page);
  await login(page, base, webapp, user, PASSWORD);
}

async function engineTasks(key) {
  return http('GET', `/engine-rest/task?processInstanceBusinessKey=${state.caseNumber}&taskDefinitionKey=${key}`, 'admin', 'admin');
}

step('intake1 logs in to Tasklist', async () => {
  await signIn('tasklist', 'intake1');
  // Tasklist's first load after start-up (some 4 MB of scripts) takes minutes on a busy machine.
  await page.locator('.task-filters').waitFor({timeout: 3 * TIMEOUT});
  await shot(page, 'intake-tasklist');
});

step('intake1 keys in the paper application with three disputed items on the start form', async () => {
  await keyInApplication(await openStartForm(page), application);
  await checkReadable(page);
  await shot(page, 'intake-start-form-filled');
  await page.locator('.modal-footer button', {hasText: 'Start'}).click();
  await page.locator('.modal-body').waitFor({state: 'detached', timeout: TIMEOUT});
  await shot(page, 'intake-case-started');

  // The case number is the business key Tasklist does not show; intake would read it from the notice.
  const started = await waitFor('the case registered from the start form', async () =>
    (await http('GET', '/engine-rest/history/process-instance?startedBy=intake1&sortBy=startTime&sortOrder=desc&maxResults=1',
      'admin', 'admin'))[0]?.businessKey);
  state.caseNumber = started;
  const registered = await http('GET', `/api/cases/${state.caseNumber}`, 'supervisor1', PASSWORD);
  const keyed = application.disputedItems.map(i => i.requestedTreatment + ' / ' + i.treatmentCategory);
  const kept = registered.disputedItems.map(i => i.requestedTreatment + ' / ' + i.treatmentCategory);
  if (registered.channel !== 'PAPER' || JSON.stringify(kept) !== JSON.stringify(keyed)) {
    throw new Error(`case ${state.caseNumber} is not the application keyed in: ${registered.channel} ${JSON.stringify(kept)}`);
  }
});

step('intake1 screens the application: the rules found it filed late (E1), and intake overrides with the reason', async () => {
  await signIn('tasklist', 'intake1');
  await openTask(page, "My group's tasks", state.caseNumber, 'Screen application');
  const text = await formText(page);
  for (const expected of ['What the eligibility rules found', 'E1', 'not filed within 30 days', 'screening due',
    'Open the case file']) {
    if (!text.includes(expected)) {
      throw new Error(`the screening form does not show "${expected}": ${text}`);
    }
  }
  const taskId = openTaskId(page);
  await claim(page);
  const form = page.locator('.task-details');
  await radio(form, 'Your decision', 'Override: eligible, assign the review');
  await type(form, 'textarea', 'Why the findings do not hold',
    'The UR decision was served by mail on June 30: five more days to file, so the application of August 3 is timely.');
  await shot(page, 'intake-screen-application');
  await complete(page, taskId);
  const screening = await http('GET', `/api/cases/${state.caseNumber}/screening`, 'supervisor1', PASSWORD);
  const decision = screening.decisions[0];
  if (decision?.decision !== 'ELIGIBLE' || decision.decidedBy !== 'intake1' || !decision.reason.includes('served by mail')) {
    throw new Error(`the screening history does not keep the override: ${JSON.stringify(screening)}`);
  }
  await waitFor('the case to await the records', async () =>
    (await http('GET', `/api/cases/${state.caseNumber}`, 'supervisor1', PASSWORD)).stage === 'AWAITING_RECORDS');
});

// ---------------------------------------------------------------- a request for information

/** The case's open tasks of that activity, read from the engine. */
async function tasksOf(caseNumber, key) {
  return http('GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&taskDefinitionKey=${key}`, 'admin', 'admin');
}

step('intake1 screens an application without a claim number and asks the claims administrator for it', async () => {
  const {claimNumber, ...employee} = seed.employee;
  state.requestCase = (await http('POST', '/api/cases', 'intake1', PASSWORD,
    {...seed, employee: {...employee, name: 'Walk Request Employee ' + run}})).caseNumber;
  await waitFor('the screening task', async () => (await tasksOf(state.requestCase, 'ScreenApplicationTask')).length > 0);
  await openTask(page, "My group's tasks", state.requestCase, 'Screen application');
  const taskId = openTaskId(page);
  await claim(page);
  const form = page.locator('.task-details');
  await radio(form, 'Your decision', 'Request information: ask a party for what is missing');
  await choose(form, 'Party to ask', 'Claims administrator');
  await type(form, 'textarea', 'What is missing', 'The claim number of the injury');
  await shot(page, 'intake-request-information');
  await complete(page, taskId);
  const overview = await http('GET', `/api/cases/${state.requestCase}/overview`, 'supervisor1', PASSWORD);
  if (overview.stage !== 'AWAITING_INFORMATION' || !overview.letters.some(l => l.kind === 'INFORMATION_REQUEST' && l.issuedAt)) {
    throw new Error(`the case is ${overview.stage}, letters ${overview.letters.map(l => l.kind).join(', ')}: no request issued`);
  }
});

step('intake1 records the answer in Tasklist, and the application comes back to screening with it', async () => {
  await openTask(page, "My group's tasks", state.requestCase, 'Record information received');
  const text = await formText(page);
  for (const expected of ['Asked of the claims administrator', 'The claim number of the injury', 'answer due',
    'Open the case file']) {
    if (!text.includes(expected)) {
      throw new Error(`the form does not show "${expected}": ${text}`);
    }
  }
  const taskId = openTaskId(page);
  await claim(page);
  const form = page.locator('.task-details');
  await type(form, 'textarea', 'What came', 'Claim number WALK-' + run + '-R, by fax from the claims administrator.');
  // Yesterday in UTC is never after today in California.
  await date(form, 'Date received', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await type(form, 'textfield', 'Document', 'Fax of one page, in the case file');
  await shot(page, 'intake-record-information-received');
  await complete(page, taskId);
  await waitFor('the screening task again', async () => (await tasksOf(state.requestCase, 'ScreenApplicationTask')).length > 0);
  await openTask(page, "My group's tasks", state.requestCase, 'Screen application');
  const again = await formText(page);
  for (const expected of ['Answer to the request for information', 'WALK-' + run + '-R', 'Fax of one page']) {
    if (!again.includes(expected)) {
      throw new Error(`the screening form does not show "${expected}": ${again}`);
    }
  }
  await shot(page, 'intake-screen-application-with-answer');
  const decisions = (await http('GET', `/api/cases/${state.requestCase}/screening`, 'supervisor1', PASSWORD)).decisions;
  if (decisions.map(d => d.decision).join() !== 'REQUEST_INFORMATION,INFORMATION_RECEIVED' || decisions[1].decidedBy !== 'intake1') {
    throw new Error(`the screening history is ${JSON.stringify(decisions)}`);
  }
});

// The scanned mail: a typed report of 300 pages and a fax of 24, made by the Java test sources.
const records = [
  {file: 'progress-report.pdf', title: "Primary treating physician's progress report (PR-2)",
    author: application.requestingPhysician.name, dateOfService: '2014-06-12', pages: 300},
  {file: 'ur-fax.tif', title: 'Utilization review determination', author: application.claimsAdministrator.name,
    dateOfService: '2014-06-27', pages: 24}];
const recordPages = records.reduce((sum, record) => sum + record.pages, 0);

/** Fills an <input type=date> as the browser holds it (ISO), whatever the locale shows. */
async function setDate(input, isoDate) {
  await input.evaluate((node, value) => {
    node.value = value;
    node.dispatchEvent(new Event('change', {bubbles: true}));
  }, isoDate);
}

step('intake1 opens the case file from Tasklist and uploads the scanned mail: a 300-page report and a fax', async () => {
  const folder = path.join(shots, 'records');
  execFileSync('java', ['-cp', testClasspath(), 'org.openimr.records.TestDocumentFiles', folder, state.caseNumber],
    {stdio: ['ignore', 'ignore', 'inherit']});
  await signIn('tasklist', 'intake1');
  const [caseFile] = await Promise.all([page.context().waitForEvent('page'), page.locator('a.imr-case-file-link').click()]);
  await caseFile.locator('#find-case-number').fill(state.caseNumber);
  await caseFile.locator('#find-case button[type=submit]').click();
  await caseFile.locator('#upload:not([hidden])').waitFor({timeout: TIMEOUT});
  await caseFile.locator('#upload-files').setInputFiles(records.map(record => path.join(folder, record.file)));
  const rows = caseFile.locator('.upload-row');
  for (let i = 0; i < records.length; i++) {
    await rows.nth(i).locator('[name=title]').fill(records[i].title);
    await rows.nth(i).locator('[name=sender]').selectOption('CLAIMS_ADMINISTRATOR');
    await rows.nth(i).locator('[name=author]').fill(records[i].author);
    await setDate(rows.nth(i).locator('[name=dateOfService]'), records[i].dateOfService);
  }
  await shot(caseFile, 'intake-case-file-upload', {whole: false});
  await caseFile.locator('#upload-submit').click();
  await caseFile.locator('#upload-result.ok').waitFor({timeout: TIMEOUT});
  const listed = (await caseFile.locator('#document-list').innerText()).replace(/\s+/g, ' ');
  for (const record of records) {
    if (!listed.includes(record.title) || !listed.includes(String(record.pages))) {
      throw new Error(`the case file does not list "${record.title}" with its ${record.pages} pages: ${listed}`);
    }
  }
  await shot(caseFile, 'intake-case-file-uploaded', {whole: false});
  await caseFile.close();
});

step('intake1 finds the completeness check in "My group\'s tasks", claims it and marks the records complete', async () => {
  await signIn('tasklist', 'intake1');
  await openTask(page, "My group's tasks", state.caseNumber, 'Check records completeness');
  const text = await formText(page);
  for (const expected of [...records.map(record => record.title), `${records.length} documents, ${recordPages} pages in all`,
    'from the claims administrator', 'records were due', 'Open the case file']) {
    if (!text.includes(expected)) {
      throw new Error(`the form does not show "${expected}"`);
    }
  }
  await shot(page, 'intake-records-check-unclaimed');
  const taskId = openTaskId(page);
  await claim(page);
  await radio(page.locator('.task-details'), 'Are the records complete?', 'Yes: complete for review');
  await shot(page, 'intake-records-complete');
  await complete(page, taskId);
});

step('a reviewer is selected and only that reviewer is given the case', async () => {
  const [summary] = await waitFor('the clinical summary task', async () => {
    const tasks = await engineTasks('WriteClinicalSummaryTask');
    return tasks.length ? tasks : null;
  });
  const assignment = await http('GET', `/api/cases/${state.caseNumber}/reviewer`, 'supervisor1', PASSWORD);
  state.reviewer = assignment.current.userId;
  if (summary.assignee !== state.reviewer) {
    throw new Error(`the summary task is assigned to ${summary.assignee}, the case to ${state.reviewer}`);
  }
  const roster = await http('GET', '/api/reviewers', 'supervisor1', PASSWORD);
  state.otherReviewer = roster.map(r => r.userId).find(userId => userId !== state.reviewer);
  state.summaryTaskId = summary.id;
});

step('another reviewer logs in and sees neither the case\'s task nor its form', async () => {
  await signIn('tasklist', state.otherReviewer);
  for (const filter of ['My tasks', "My group's tasks"]) {
    if ((await casesListed(page, filter)).includes(state.caseNumber)) {
      throw new Error(`${state.otherReviewer}'s "${filter}" lists a task of case ${state.caseNumber}`);
    }
  }
  await shot(page, 'other-reviewer-my-tasks');
  // Even the direct address of the task shows no form and no case to someone else: the engine refuses the task.
  const task = new RegExp(`/task/${state.summaryTaskId}(\\?|$)`);
  const answer = page.waitForResponse(response => task.test(response.url()) && response.request().method() === 'GET',
    {timeout: TIMEOUT});
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${state.summaryTaskId}`);
  if ((await answer).ok() || await page.locator('.task-details .fjs-form').count() > 0
      || (await page.content()).includes(state.caseNumber)) {
    throw new Error(`${state.otherReviewer} opens the task of case ${state.caseNumber} from its address`);
  }
  await shot(page, 'other-reviewer-task-address');
});

step('the assigned reviewer sees only their own cases and writes the clinical summary', async () => {
  await signIn('tasklist', state.reviewer);
  await openFilter(page, 'My tasks');
  // Every task in the reviewer's list is of a case assigned to them.
  const mine = await http('GET', `/engine-rest/task?assignee=${state.reviewer}`, 'admin', 'admin');
  for (const task of mine) {
    const instance = await http('GET', `/engine-rest/process-instance/${task.processInstanceId}`, 'admin', 'admin');
    const reviewer = await http('GET', `/api/cases/${instance.businessKey}/reviewer`, 'supervisor1', PASSWORD);
    if (reviewer.current?.userId !== state.reviewer) {
      throw new Error(`${state.reviewer} has a task of case ${instance.businessKey}, assigned to ${reviewer.current?.userId}`);
    }
  }
  const shown = await page.locator('ol.tasks-list > li').count();
  if (shown !== mine.length) {
    throw new Error(`"My tasks" lists ${shown} tasks, the reviewer has ${mine.length}`);
  }
  await shot(page, 'reviewer-my-tasks');
  await openTask(page, 'My tasks', state.caseNumber, 'Write clinical summary');
  const text = await formText(page);
  if (!text.includes(`${recordPages} pages received`) || !text.includes('determination due')) {
    throw new Error('the summary form does not show the documents on file and the determination deadline');
  }
  await readRecords();
  const form = page.locator('.task-details');
  await type(form, 'number', 'Pages reviewed', recordPages);
  await type(form, 'textarea', 'Clinical case summary',
    'The claimant is a 44-year-old man injured at work in 2012, with chronic neck and low back pain. ' +
    'He completed six massage therapy visits without documented functional improvement and has had no chiropractic care. ' +
    'He takes hydrocodone daily; the records give no daily dose in morphine equivalents.');
  await shot(page, 'reviewer-clinical-summary');
  await complete(page, openTaskId(page));
});

/**
 * The reviewer opens the report from the summary task's list of documents: the case file shows its
 * page 1 (pdf.js); then the fax, whose pages the server draws. Each page shown is in the supervisor's
 * record of who read what.
 */
async function readRecords() {
  const link = page.locator('.task-details .fjs-form a', {hasText: records[0].title});
  const [caseFile] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await caseFile.locator('#pdf-page[data-page="1"]').waitFor({timeout: TIMEOUT});
  await caseFile.waitForFunction(() => document.body.dataset.firstPage);
  const firstPage = await caseFile.evaluate(() => Number(document.body.dataset.firstPage));
  console.log(`  (the ${records[0].pages}-page report showed its page 1 ${firstPage} ms after it was opened)`);
  await shot(caseFile, 'reviewer-case-file-report-page-1', {whole: false});
  await caseFile.locator('#next').click();
  await caseFile.locator('#pdf-page[data-page="2"]').waitFor({timeout: TIMEOUT});
  await caseFile.locator('#document-list a', {hasText: records[1].title}).click();
  await caseFile.locator('#image-page[data-page="1"]').waitFor({timeout: TIMEOUT});
  await shot(caseFile, 'reviewer-case-file-fax-page-1', {whole: false});
  await caseFile.close();
  const accesses = await http('GET', `/api/cases/${state.caseNumber}/documents/accesses`, 'supervisor1', PASSWORD);
  const views = accesses.filter(a => a.user === state.reviewer && a.kind === 'VIEW')
    .map(a => `${a.title} p.${a.page}`).sort();
  const expected = [`${records[0].title} p.1`, `${records[0].title} p.2`, `${records[1].title} p.1`].sort();
  if (JSON.stringify(views) !== JSON.stringify(expected)) {
    throw new Error(`the access record shows ${JSON.stringify(views)}, expected ${JSON.stringify(expected)}`);
  }
}

/** What the case API says the guideline tables recommend for each item. */
async function recommendations() {
  const view = await http('GET', `/api/cases/${state.caseNumber}`, 'supervisor1', PASSWORD);
  return view.disputedItems;
}

/** Whether a decision agrees with the recommendation, so that the guideline rationale may be adopted. */
function agrees(decision, outcome) {
  return decision === 'UPHELD' && outcome === 'NOT_MEDICALLY_NECESSARY' || decision === 'OVERTURNED' && outcome === 'MEDICALLY_NECESSARY';
}

const refusalChecked = {done: false};

for (const itemNo of [1, 2, 3]) {
  step(`the reviewer decides disputed item ${itemNo}, seeing the guideline recommendation, rule and citation`, async () => {
    const item = (await waitFor(`the recommendation of item ${itemNo}`, async () =>
      (await recommendations()).find(i => i.itemNo === itemNo && i.recommendation)));
    const {outcome, citation, ruleIds} = item.recommendation;
    // The facts page has its own browser check (item-facts.mjs): here the facts are established through its API.
    await establishFacts(http, state.caseNumber, itemNo, 'admin', 'admin');
    await openFilter(page, 'My tasks');
    await openTask(page, 'My tasks', state.caseNumber, 'Decide disputed item');
    // Several items are open at once: open the one whose form is about this item.
    for (let i = 0; !(await formText(page)).includes(`Decide disputed item ${itemNo} of 3`); i++) {
      if (i >= await listed(page, 'Decide disputed item').count()) {
        throw new Error(`no decision task of item ${itemNo}`);
      }
      await listed(page, 'Decide disputed item').nth(i).locator('h4 a').click();
      await page.waitForTimeout(1500);
    }
    const text = await formText(page);
    for (const expected of [item.requestedTreatment, 'Guideline recommendation: ' + OUTCOME_WORDS[outcome],
      'Rule: ' + ruleIds.join(', '), 'Citation: ' + citation]) {
      if (!text.includes(expected)) {
        throw new Error(`the form does not show "${expected}"`);
      }
    }
    await checkReadable(page);
    const form = page.locator('.task-details');
    const taskId = openTaskId(page);
    await shot(page, `reviewer-item-${itemNo}-recommendation`);
    // Upheld unless the tables find the treatment medically necessary: then the reviewer departs from them.
    const decision = 'UPHELD';
    await radio(form, 'Your decision', 'Upheld: not medically necessary');
    if (!agrees(decision, outcome)) {
      if (!refusalChecked.done) {
        // Without the reviewer's own citation and rationale the form refuses to complete.
        if (!(await completeButton(page).isDisabled())) {
          // The notice of the item completed before may still cover the button.
          await dismissNotices(page);
          await completeButton(page).click();
          await page.waitForTimeout(1000);
        }
        const errors = await form.locator('.fjs-form-field-error').allInnerTexts();
        const stillOpen = (await http('GET', `/engine-rest/task?taskId=${taskId}`, 'admin', 'admin')).length === 1;
        if (!stillOpen || !(await completeButton(page).isDisabled() || errors.length >= 2)) {
          throw new Error('deciding against the recommendation without a rationale was not refused');
        }
        await shot(page, `reviewer-item-${itemNo}-rationale-required`);
        refusalChecked.done = true;
      }
      await type(form, 'textfield', 'Guideline or evidence relied on',
        'MTUS Chronic Pain Medical Treatment Guidelines (2009), Opioids, criteria for use, pages 76-80');
      await type(form, 'textarea', 'Your rationale',
        'The records do not document the functional improvement or the monitoring the guidelines require for this request; ' +
        'it is not medically necessary.');
    }
    await shot(page, `reviewer-item-${itemNo}-decided`);
    await complete(page, taskId);
  });
}

step('deciding against the recommendation without a rationale was refused by the form', async () => {
  if (!refusalChecked.done) {
    throw new Error('no item departed from its recommendation, so the refusal was never tried');
  }
});

/** Clicks the form's letter link as a person does and the PDF downloads. Answers the link and the PDF. */
async function downloadLetter(linkText) {
  const link = page.locator('.task-details .fjs-form a', {hasText: linkText});
  const href = await link.getAttribute('href');
  // The link opens a tab that closes as the download starts; Playwright reports the download on this page.
  const download = page.waitForEvent('download', {timeout: TIMEOUT});
  await link.click();
  const started = await download;
  const bytes = fs.readFileSync(await started.path());
  if (bytes.subarray(0, 5).toString() !== '%PDF-') {
    throw new Error(`the letter link ${href} did not download a PDF`);
  }
  return {href, bytes};
}

step('supervisor1 claims letter QA, opens the letter PDF and returns it to the reviewer', async () => {
  await waitFor('the letter QA task', async () => (await engineTasks('ReviewLetterTask')).length > 0);
  await signIn('tasklist', 'supervisor1');
  await openTask(page, "My group's tasks", state.caseNumber, 'Review letter');
  await shot(page, 'supervisor-letter-qa-unclaimed');
  const taskId = openTaskId(page);
  await claim(page);
  const {href} = await downloadLetter('open the PDF');
  if (!href.endsWith('version=1')) {
    throw new Error('QA was not shown the first letter version: ' + href);
  }
  const form = page.locator('.task-details');
  await radio(form, 'Your verdict', 'Return to the reviewer for correction');
  await type(form, 'textarea', 'What should be corrected',
    'The clinical summary should say how many massage visits were completed (six) and that they brought no functional improvement. ' +
    'Item 1\'s rationale should name the visits already done.');
  // QA names the item whose rationale should change; the reviewer gets that rationale to edit.
  await type(form, 'number', 'Item whose rationale should change', 1);
  await shot(page, 'supervisor-letter-returned');
  await complete(page, taskId);
});

step('the reviewer reads the QA note and corrects the letter', async () => {
  await waitFor('the letter correction task', async () => (await engineTasks('CorrectLetterTask')).length > 0);
  await signIn('tasklist', state.reviewer);
  await openTask(page, 'My tasks', state.caseNumber, 'Correct letter');
  if (!(await formText(page)).includes('six) and that they brought no functional improvement')) {
    throw new Error('the correction form does not show the QA note');
  }
  const form = page.locator('.task-details');
  const summary = (await field(form, 'textarea', 'Clinical case summary')).locator('textarea');
  if (!(await summary.inputValue()).includes('44-year-old')) {
    throw new Error('the correction form does not hold the summary written before');
  }
  await summary.fill((await summary.inputValue()).replace('He completed six massage therapy visits without documented functional improvement',
    'He completed six massage therapy visits, which brought no documented functional improvement'));
  const rationale = (await field(form, 'textarea', 'Decision rationale of item 1: ' + application.disputedItems[0].requestedTreatment))
    .locator('textarea');
  const returnedRationale = await rationale.inputValue();
  if (returnedRationale.length < 20) {
    throw new Error('the correction form does not hold item 1\'s rationale to edit');
  }
  state.correctedRationale = 'Six massage therapy visits were already done. ' + returnedRationale;
  await rationale.fill(state.correctedRationale);
  await rationale.blur();
  await page.waitForTimeout(400);
  await shot(page, 'reviewer-correct-letter');
  await complete(page, openTaskId(page));
});

step('supervisor1 sees, on the second review, the note of the first and what changed', async () => {
  await waitFor('the second letter QA task', async () => (await engineTasks('ReviewLetterTask')).length > 0);
  await signIn('tasklist', 'supervisor1');
  await openTask(page, "My group's tasks", state.caseNumber, 'Review letter');
  const text = (await formText(page)).replace(/\s+/g, ' ');
  for (const expected of ['Version 1 was returned with this note:', 'Item 1\'s rationale should name the visits',
    'What changed in version 2:', 'Put in:', 'Six massage therapy visits were already done.']) {
    if (!text.includes(expected)) {
      throw new Error(`the second review does not show "${expected}"`);
    }
  }
  await shot(page, 'supervisor-second-review-changes');
});

const SLA_WORDS = {ON_TRACK: 'On track', AT_RISK: 'At risk', BREACHED: 'Breached'};

/** Cockpit's running instances of the case process, searched by business key (the case number). */
async function searchCockpit(caseNumber) {
  await page.getByRole('link', {name: 'Processes', exact: true}).first().click();
  await page.getByRole('link', {name: 'IMR case', exact: true}).first().click();
  const search = page.locator('input[placeholder="Add criteria"]').first();
  await search.waitFor({timeout: TIMEOUT});
  // The list of criteria opens on a click once the search has loaded; a click before that opens nothing.
  const criterion = page.locator('.dropdown-menu li:visible', {hasText: 'Business Key'}).first();
  for (let attempt = 1; !await criterion.isVisible(); attempt++) {
    if (attempt > 5) {
      throw new Error('the instance search offers no "Business Key" criterion');
    }
    await search.click();
    await criterion.waitFor({timeout: 3000}).catch(() => page.keyboard.press('Escape'));
  }
  await criterion.click();
  const pill = page.locator('[cam-widget-search-pill]').last();
  // The new criterion opens its value for editing, or shows it to be clicked first.
  await page.waitForTimeout(500);
  if (!await pill.locator('.value-field input').isVisible()) {
    await pill.locator('.value-field .view-value').click();
  }
  await pill.locator('.value-field input').fill(caseNumber);
  await pill.locator('.value-field input').press('Enter');
  // The search applies only once the pill holds the value and is valid.
  await pill.locator('.search-label:not(.invalid) .value-field', {hasText: caseNumber}).waitFor({timeout: TIMEOUT});
  await page.waitForTimeout(2000);
  return page.locator('table tbody tr').filter({has: page.locator('td', {hasText: /^\s*CM\d\d-\d+\s*$/})});
}

step('supervisor1 finds the case in Cockpit by its case number and sees its SLA status', async () => {
  const {slaStatus} = (await http('GET', `/api/cases/${state.caseNumber}/deadlines`, 'supervisor1', PASSWORD));
  await signIn('cockpit', 'supervisor1');
  const rows = await searchCockpit(state.caseNumber);
  const listed = (await rows.allInnerTexts()).map(text => text.replace(/\s+/g, ' '));
  if (listed.length !== 1 || !listed[0].includes(state.caseNumber)) {
    throw new Error(`Cockpit's search by business key ${state.caseNumber} lists ${JSON.stringify(listed)}`);
  }
  await shot(page, 'supervisor-cockpit-search-by-case-number');
  await rows.first().locator('a').first().click();
  await page.locator('.nav-tabs a, ul.nav a', {hasText: /^\s*Variables\s*$/}).first().click();
  const variable = page.locator('tr', {has: page.locator('td', {hasText: /^\s*slaStatus\s*$/})});
  await variable.first().waitFor({timeout: TIMEOUT});
  const shown = (await variable.first().innerText()).replace(/\s+/g, ' ');
  if (!shown.includes(slaStatus)) {
    throw new Error(`the instance shows "${shown}", the case's SLA status is ${slaStatus}`);
  }
  await variable.first().scrollIntoViewIfNeeded();
  await shot(page, 'supervisor-cockpit-case-variables', {whole: false});
  // The SLA dashboard names the status in words, beside the case.
  await page.goto(`${base}/camunda/app/cockpit/default/#/sla`);
  const row = page.locator('.imr-sla-closest tbody tr', {hasText: state.caseNumber});
  await row.waitFor({timeout: TIMEOUT});
  const badge = (await row.innerText()).replace(/\s+/g, ' ');
  if (!badge.includes(SLA_WORDS[slaStatus])) {
    throw new Error(`the SLA dashboard shows "${badge}" for the case, expected ${SLA_WORDS[slaStatus]}`);
  }
  await shot(page, 'supervisor-cockpit-sla-dashboard');
});

step('supervisor1 approves the corrected letter after opening its PDF, and the letter is issued', async () => {
  await waitFor('the second letter QA task', async () => (await engineTasks('ReviewLetterTask')).length > 0);
  await signIn('tasklist', 'supervisor1');
  await openTask(page, "My group's tasks", state.caseNumber, 'Review letter');
  const taskId = openTaskId(page);
  await claim(page);
  const {href, bytes} = await downloadLetter('open the PDF');
  if (!href.endsWith('version=2')) {
    throw new Error('QA was not shown the corrected letter version: ' + href);
  }
  fs.writeFileSync(path.join(shots, 'final-determination-letter.pdf'), bytes);
  await radio(page.locator('.task-details'), 'Your verdict', 'Approve: issue to the parties');
  await shot(page, 'supervisor-letter-approved');
  await complete(page, taskId);
  const closed = await waitFor('the letter to be issued', async () => {
    const view = await http('GET', `/api/cases/${state.caseNumber}`, 'supervisor1', PASSWORD);
    return view.status === 'DETERMINATION_ISSUED' ? view : null;
  });
  state.outcome = closed.outcome;
});

step('the case shows as closed: no open task, no running instance in Cockpit', async () => {
  await openFilter(page, "My group's tasks");
  if (await listed(page, 'Review letter').count() > 0 && (await engineTasks('ReviewLetterTask')).length > 0) {
    throw new Error('the letter QA task is still open');
  }
  await signIn('cockpit', 'supervisor1');
  const rows = await searchCockpit(state.caseNumber);
  if (await rows.count() !== 0) {
    throw new Error(`Cockpit still lists case ${state.caseNumber} as running: ${await rows.first().innerText()}`);
  }
  await shot(page, 'supervisor-cockpit-case-closed');
  const instances = await http('GET', `/engine-rest/history/process-instance?processInstanceBusinessKey=${state.caseNumber}`, 'admin', 'admin');
  if (instances.length !== 1 || instances[0].state !== 'COMPLETED') {
    throw new Error(`the case process is ${instances[0]?.state}, not completed`);
  }
});

// ---------------------------------------------------------------- the case page and the case search

/** A case registered through the API (the seed application, its own employee), for the search and the Case tab. */
async function registeredCase(suffix) {
  const employee = {...seed.employee, name: `Walk Search Employee ${run} ${suffix}`, claimNumber: `WALK-${run}-${suffix}`};
  return (await http('POST', '/api/cases', 'intake1', PASSWORD, {...seed, employee})).caseNumber;
}

/** Searches on the case-search page as a person does, and answers the case numbers of the rows found. */
async function searchCases(fields) {
  await page.goto(`${base}/case-search.html`);
  for (const [name, value] of Object.entries(fields)) {
    const input = page.locator(`#search [name=${name}]`);
    if (await input.evaluate(e => e.tagName) === 'SELECT') {
      await input.selectOption(value);
    } else {
      await input.fill(value);
    }
  }
  await page.locator('#search button[type=submit]').click();
  await page.locator('#results:not([hidden]), #message:not([hidden])').first().waitFor({timeout: TIMEOUT});
  if (await page.locator('#message').isVisible()) {
    throw new Error('the search was refused: ' + await page.locator('#message').innerText());
  }
  return page.locator('#found tr').evaluateAll(rows => rows.map(row => row.dataset.case));
}

step('supervisor1 finds the issued case in the case search by the employee\'s name, and a withdrawn one by status', async () => {
  state.withdrawn = await registeredCase('W');
  await http('POST', `/api/cases/${state.withdrawn}/withdrawal`, 'intake1', PASSWORD, {reason: 'EMPLOYEE_WITHDREW'});
  // The supervisor is still in Cockpit, which lists running cases only; its menu links to the case search.
  await signIn('cockpit', 'supervisor1');
  await page.locator('a.imr-case-search-link').first().waitFor({timeout: TIMEOUT});
  const byName = await searchCases({name: application.employee.name});
  if (byName.join() !== state.caseNumber) {
    throw new Error(`the search by name found ${byName.join(', ') || 'nothing'}, not ${state.caseNumber}`);
  }
  const row = (await page.locator('#found tr').first().innerText()).replace(/\s+/g, ' ');
  if (!row.includes('Closed: determination issued')) {
    throw new Error('the issued case is not shown as closed: ' + row);
  }
  await shot(page, 'supervisor-case-search-issued');
  const closed = await searchCases({name: `Walk Search Employee ${run}`, status: 'closed'});
  if (!closed.includes(state.withdrawn)) {
    throw new Error(`the search for closed cases did not find the withdrawn case ${state.withdrawn}: ${closed.join(', ')}`);
  }
  await page.locator('#show-log').click();
  await page.locator('#log:not([hidden]) #log-rows tr').first().waitFor({timeout: TIMEOUT});
  await shot(page, 'supervisor-case-search-withdrawn');
  const recorded = await http('GET', `/api/case-searches?caseNumber=${state.withdrawn}`, 'supervisor1', PASSWORD);
  if (!recorded.some(search => search.user === 'supervisor1')) {
    throw new Error('the search was not recorded');
  }
});

step('the case page, opened from the search, shows the parties, the letters and the timeline up to the issued letter', async () => {
  await searchCases({number: state.caseNumber});
  await page.locator('#found a', {hasText: state.caseNumber}).click();
  await page.locator('#case:not([hidden])').waitFor({timeout: TIMEOUT});
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const expected of [application.employee.name, 'California time', 'Final determination letter, version 2',
    'Task completed: Review letter — supervisor1', 'Final determination letter, version 2 issued',
    'Case closed: determination issued', 'Reviewer assigned']) {
    if (!text.includes(expected)) {
      throw new Error(`the case page does not show "${expected}"`);
    }
  }
  await shot(page, 'supervisor-case-page-timeline');
});

/** A translation key shown as it is (DUE_DATE, SEARCH_PLACEHOLDER) instead of Tasklist's words for it. */
const RAW_KEY = /\b[A-Z]+(_[A-Z]+)+\b/;

step('supervisor1 opens Tasklist from the case page, signed in through Cockpit: its list header and search box are in words', async () => {
  // As in a browser that has not kept Tasklist's words yet (a first visit) and receives them late: the
  // kept copy is removed and the words (locales/en.json) are answered only once the session is known,
  // which is when Tasklist draws its views. Drawn before the words arrive, they showed the keys.
  await page.evaluate(() => {
    const kept = JSON.parse(localStorage.getItem('camunda-web') || '{}');
    Object.keys(kept).filter(key => key.includes('_locales_data_')).forEach(key => delete kept[key]);
    localStorage.setItem('camunda-web', JSON.stringify(kept));
  });
  const sessionKnown = page.waitForResponse(response => response.url().includes('/api/admin/auth/user/'), {timeout: TIMEOUT});
  const words = /\/app\/tasklist\/locales\/[a-z]+\.json/;
  await page.route(words, async route => {
    await sessionKnown.catch(() => {});
    await route.continue();
  });
  try {
    await page.locator('header.bar a', {hasText: 'Tasklist'}).click();
    await page.locator('section.tasks-list input.main-field[placeholder]').waitFor({timeout: TIMEOUT});
    await page.locator('section.tasks-list .sort-by', {hasText: /\S/}).first().waitFor({timeout: TIMEOUT});
  } finally {
    await page.unroute(words);
  }
  const shown = await page.evaluate(() => ({
    header: document.querySelector('section.tasks-list > header')?.innerText || '',
    search: [...document.querySelectorAll('section.tasks-list [placeholder]')].map(input => input.getAttribute('placeholder')),
    navbar: document.querySelector('.navbar')?.innerText || ''
  }));
  const read = [shown.header, ...shown.search, shown.navbar].join(' | ').replace(/\s+/g, ' ');
  // Sorted by due date unless the user chose otherwise, even where Tasklist had put its own default first.
  if (RAW_KEY.test(read) || !/Due date/i.test(shown.header) || !shown.search.includes('Filter Tasks')) {
    throw new Error(`Tasklist shows "${read}"`);
  }
});

step('the Case tab of a task in Tasklist shows the case page of the task\'s case', async () => {
  state.tabCase = await registeredCase('T');
  await http('POST', `/api/cases/${state.tabCase}/records`, 'intake1', PASSWORD, {documents: [
    {title: 'Progress report', author: 'Dr. Walk', date: '2014-06-12', pages: 12}]});
  await waitFor('the records check', async () =>
    (await http('GET', `/engine-rest/task?processInstanceBusinessKey=${state.tabCase}`, 'admin', 'admin')).length > 0);
  await signIn('tasklist', 'intake1');
  await openTask(page, "My group's tasks", state.tabCase, 'Check records completeness');
  await page.locator('.task-details .nav-tabs a, .task-details ul.nav a', {hasText: /^\s*Case\s*$/}).first().click();
  const frame = page.frameLocator('iframe.imr-case-frame');
  await frame.locator('#timeline li').first().waitFor({timeout: TIMEOUT});
  const opens = await page.locator('a.imr-case-open').innerText();
  if (!opens.includes(state.tabCase)) {
    throw new Error(`the Case tab offers to open "${opens}", not case ${state.tabCase}`);
  }
  const text = (await frame.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const expected of [`Walk Search Employee ${run} T`, 'Application registered', 'Document received: Progress report',
    'Records check']) {
    if (!text.includes(expected)) {
      throw new Error(`the Case tab does not show "${expected}"`);
    }
  }
  await shot(page, 'intake-task-case-tab');
});

// ---------------------------------------------------------------- after the letter: a remand, and the publication of its determination

/** Today in California, the day the remand form's dates are checked against. */
function californiaToday() {
  return new Date().toLocaleDateString('en-CA', {timeZone: 'America/Los_Angeles'});
}

step('supervisor1 records a WCAB remand order in Tasklist: an item the case lacks is refused on its field, then the new review starts', async () => {
  await signIn('tasklist', 'supervisor1');
  await page.locator('.task-filters').waitFor({timeout: TIMEOUT});
  await page.getByText('Start process', {exact: true}).click();
  await page.locator('.modal-body a', {hasText: 'Record remand order'}).click();
  await page.locator('.modal-body .fjs-form').waitFor({timeout: TIMEOUT});
  const form = page.locator('.modal-body');
  state.remandReference = 'ADJ' + run;
  await type(form, 'textfield', 'Case number', state.caseNumber);
  await type(form, 'textfield', 'Order reference', state.remandReference);
  await date(form, 'Date of the order', californiaToday());
  await date(form, 'Date received', californiaToday());
  await type(form, 'textfield', 'Items concerned', '1, 4');
  await page.locator('.modal-footer button', {hasText: 'Start'}).click();
  const refusal = (await field(form, 'textfield', 'Items concerned')).locator('.imr-field-error');
  await refusal.waitFor({timeout: TIMEOUT});
  const said = (await refusal.innerText()).replace(/\s+/g, ' ');
  if (!said.startsWith('Items concerned') || !said.includes('items 1 to 3')) {
    throw new Error(`the refusal shown on "Items concerned" reads "${said}"`);
  }
  const unchanged = await http('GET', `/api/cases/${state.caseNumber}/remands`, 'supervisor1', PASSWORD);
  if (unchanged.remands.length !== 0 || unchanged.currentReview !== 1) {
    throw new Error('the refused order left a remand behind: ' + JSON.stringify(unchanged.remands));
  }
  await shot(page, 'supervisor-remand-refused');
  await type(form, 'textfield', 'Items concerned', '1');
  await page.locator('.modal-footer button', {hasText: 'Start'}).click();
  await page.locator('.modal-body').waitFor({state: 'detached', timeout: TIMEOUT});
  const notice = (await page.locator('.imr-case-started').innerText({timeout: TIMEOUT})).replace(/\s+/g, ' ');
  if (!notice.includes(`Remand of case ${state.caseNumber} recorded`)) {
    throw new Error(`the notice after the start reads "${notice}"`);
  }
  await shot(page, 'supervisor-remand-recorded', {whole: false});
  const history = await http('GET', `/api/cases/${state.caseNumber}/remands`, 'supervisor1', PASSWORD);
  const remand = history.remands[0];
  if (history.currentReview !== 2 || remand?.orderReference !== state.remandReference || remand.items.join() !== '1'
      || remand.recordedBy !== 'supervisor1') {
    throw new Error('the remand recorded is not the order entered: ' + JSON.stringify(history));
  }
});

/** Completes the case's open task of that kind as the user, through the engine's REST API as Tasklist does. */
async function completeOpenTask(key, user, variables) {
  const [task] = await engineTasks(key);
  if (!task) {
    return false;
  }
  const worker = task.assignee || user;
  if (!task.assignee) {
    await http('POST', `/engine-rest/task/${task.id}/claim`, worker, PASSWORD, {userId: worker});
  }
  await http('POST', `/engine-rest/task/${task.id}/submit-form`, worker, PASSWORD, {variables});
  return true;
}

// The new review is worked through the API (the walk above shows each of its forms): its reviewer spells the
// employee's name out letter by letter in the summary, which the publication scrubber cannot remove.
step('the new review goes to a reviewer who did not review the case, whose letter is issued after QA', async () => {
  const spelled = run.split('').join(' ');
  const deadline = Date.now() + 3 * TIMEOUT;
  for (;;) {
    const view = await http('GET', `/api/cases/${state.caseNumber}`, 'supervisor1', PASSWORD);
    if (view.status === 'DETERMINATION_ISSUED') {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(`the new review stays at ${view.stage}`);
    }
    const acted = view.stage === 'RECORDS_CHECK' ? await completeOpenTask('CheckRecordsCompletenessTask', 'intake1',
      {recordsComplete: {value: 'true'}})
      : view.stage === 'CLINICAL_SUMMARY' ? await completeOpenTask('WriteClinicalSummaryTask', null, {
        pagesReviewed: {value: recordPages},
        clinicalSummary: {value: `Mr. ${spelled} reports neck pain after six massage visits without functional improvement.`}})
      : view.stage === 'ITEM_DECISIONS' ? await establishFacts(http, state.caseNumber, 1, 'admin', 'admin')
        .then(() => completeOpenTask('DecideItemTask', null, {decision: {value: 'UPHELD'}}))
      : view.stage === 'LETTER_QA' ? await completeOpenTask('ReviewLetterTask', 'supervisor1', {letterApproved: {value: 'true'}})
      : false;
    if (!acted) {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
  const reviewer = await http('GET', `/api/cases/${state.caseNumber}/reviewer`, 'supervisor1', PASSWORD);
  state.remandReviewer = reviewer.history.find(assignment => assignment.reviewNo === 2)?.userId;
  if (!state.remandReviewer || state.remandReviewer === state.reviewer) {
    throw new Error(`the new review went to ${state.remandReviewer}, the first review's reviewer is ${state.reviewer}`);
  }
});

step('the case page shows the remand, the new reviewer and both determinations', async () => {
  await page.goto(`${base}/case.html?number=${encodeURIComponent(state.caseNumber)}`);
  await page.locator('#case:not([hidden])').waitFor({timeout: TIMEOUT});
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const expected of ['Remand recorded: review 2 of item 1', `Order ${state.remandReference}`,
    `Reviewer assigned: ${state.remandReviewer}`, 'Review 1, letter version', 'Review 2, letter version']) {
    if (!text.includes(expected)) {
      throw new Error(`the case page does not show "${expected}"`);
    }
  }
  // The remand is one entry: the process's own "Remand ordered" start event does not repeat it.
  if (text.includes('Remand ordered')) {
    throw new Error('the case page tells the remand twice');
  }
  await shot(page, 'supervisor-case-page-remand');
});

step('supervisor1 finds the new determination withheld from publication in Cockpit, and releases it once redacted', async () => {
  await signIn('cockpit', 'supervisor1');
  // The menu entry shows once Cockpit has asked whether the user may redact.
  await page.locator('a[href="#/publication"]').first().click({timeout: TIMEOUT});
  const row = page.locator(`.imr-pub-withheld tr[data-case="${state.caseNumber}"][data-review="2"]`);
  await row.waitFor({timeout: TIMEOUT});
  const blocked = (await row.innerText()).replace(/\s+/g, ' ');
  if (!blocked.includes("clinical summary still holds the employee's name") || blocked.includes(run)) {
    throw new Error(`the withheld determination is listed as "${blocked}"`);
  }
  await shot(page, 'supervisor-publication-withheld');
  await row.locator('button.imr-pub-redact').click();
  const editor = page.locator(`.imr-pub-editor[data-case="${state.caseNumber}"]`);
  const summary = editor.getByLabel('Clinical case summary', {exact: true});
  await summary.waitFor({timeout: TIMEOUT});
  // A first try that leaves the name written another way is refused on the summary, by the kind of identifier.
  await summary.fill(`Mr. ${run.toLowerCase()} reports neck pain after six massage visits without functional improvement.`);
  await editor.locator('button.imr-pub-release').click();
  const refusals = editor.locator('.imr-pub-field[data-label="Clinical case summary"] .imr-pub-error');
  await refusals.first().waitFor({timeout: TIMEOUT});
  // The run's tag is also in the claim number: when it holds four digits or more, the claim number is found too.
  const said = await refusals.allInnerTexts();
  if (!said.includes("Clinical case summary still holds the employee's name")) {
    throw new Error(`the refusals on the summary read ${JSON.stringify(said)}`);
  }
  await shot(page, 'supervisor-publication-refused');
  await summary.fill('The claimant reports neck pain after six massage visits without functional improvement.');
  await editor.locator('button.imr-pub-release').click();
  await page.locator('.imr-pub-done').waitFor({timeout: TIMEOUT});
  // The list is loaded again, without the released determination.
  await page.locator('.imr-pub-withheld').waitFor({timeout: TIMEOUT});
  if (await row.count() !== 0) {
    throw new Error('the released determination is still listed as withheld');
  }
  await shot(page, 'supervisor-publication-released');
  const today = californiaToday();
  const exported = await http('GET', `/api/publication?from=${today}&to=${today}`, 'supervisor1', PASSWORD);
  const published = exported.published.find(p => p.caseNumber === state.caseNumber && p.reviewNo === 2);
  if (!published || !published.clinicalSummary.startsWith('The claimant reports neck pain')
      || !exported.releasedByHand.some(r => r.caseNumber === state.caseNumber && r.releasedBy === 'supervisor1')) {
    throw new Error('the export does not publish the released text: ' + JSON.stringify(published));
  }
});

async function main() {
  fs.rmSync(shots, {recursive: true, force: true});
  fs.mkdirSync(shots, {recursive: true});
  const started = Date.now();
  let database;
  let app;
  let closeBrowser;
  try {
    if (process.env.WALK_BASE_URL) {
      base = process.env.WALK_BASE_URL;
    } else {
      console.log('== case walk: starting PostgreSQL and the application');
      database = await startPostgres('walk-postgres.log');
      app = await startApplication('walk-application.log', ['--spring.datasource.url=' + database.url,
        '--spring.datasource.username=' + database.user, '--spring.datasource.password=' + database.password]);
      base = app.base;
    }
    http = httpClient(base);
    ({page, close: closeBrowser} = await launchBrowser('case-walk'));
    page.setDefaultTimeout(10_000);
    let failed = false;
    for (const {name, body} of steps) {
      if (failed) {
        checks.fail(name + ' (not reached)');
        continue;
      }
      try {
        await body();
        checks.check(true, name);
      } catch (error) {
        failed = true;
        checks.fail(name + ': ' + error.message.split('\n')[0]);
        await shot(page, 'FAILED').catch(() => {});
      }
    }
  } catch (error) {
    checks.fail('the walk could not run: ' + error.message);
  } finally {
    await closeBrowser?.();
    await app?.stop();
    await database?.stop();
  }
  console.log(`== case walk took ${Math.round((Date.now() - started) / 1000)} s; screenshots in target/screenshots/walk/`);
  checks.finish('walk');
}

await main();
