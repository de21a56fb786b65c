// Browser check of the Cockpit SLA dashboard: starts the built application (target/*.jar) on a
// free port with an in-memory H2 database, puts cases into every SLA status through the HTTP
// APIs, logs in to Cockpit as supervisor1 in headless Chromium, and checks the dashboard (with the
// month's Division figures) and the instance search it links to, then supervisor1's Tasklist filters of
// every case's tasks ("All open tasks", "All overdue tasks"), then as analyst1, who sees no SLA
// menu entry. Screenshots go to
// target/screenshots/. Stops the application afterwards. Run after `mvn package`:
// node src/test/browser/cockpit-sla.mjs
// (COCKPIT_SLA_BASE_URL=http://host:port runs it against an application already running, on an empty
// database and with the job executor off, instead.)
import fs from 'node:fs';
import path from 'node:path';
import {
  Checks, establishFacts, httpClient, launchBrowser, login, root, screenshots as shots, startApplication, waitFor
} from './support.mjs';

const checks = new Checks();
const check = (condition, what) => checks.check(condition, what);

function client(base) {
  const call = httpClient(base);
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'src/test/resources/cases/seed-massage.json'), 'utf8'));
  let applications = 0;
  const api = {
    call,
    async submit(expedited) {
      const application = structuredClone(seed);
      applications++;
      application.employee.name = 'Browser Check Employee ' + applications + ' ' + Date.now();
      application.employee.claimNumber = 'BC-' + Date.now() + '-' + applications;
      application.expedited = expedited;
      return (await call('POST', '/api/cases', 'intake1', 'demo', application)).caseNumber;
    },
    recordsArrive: caseNumber => call('POST', `/api/cases/${caseNumber}/records`, 'intake1', 'demo', {documents: [
      {title: "Primary treating physician's progress report (PR-2)", author: 'Dr. Test Physician', date: '2014-06-12', pages: 30},
      {title: 'Utilization review determination', author: 'Sierra Claims Administrators', date: '2014-06-27', pages: 24}]}),
    expedite: caseNumber => call('POST', `/api/cases/${caseNumber}/expedite`, 'intake1', 'demo',
      {certificationDate: new Date().toLocaleDateString('en-CA', {timeZone: 'America/Los_Angeles'})}),
    async task(caseNumber, key) {
      const tasks = await call('GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&taskDefinitionKey=${key}`, 'admin', 'admin');
      if (tasks.length === 0) {
        throw new Error(`Case ${caseNumber} has no open ${key}`);
      }
      return tasks;
    },
    async complete(caseNumber, key, variables) {
      for (const task of await api.task(caseNumber, key)) {
        const typed = Object.fromEntries(Object.entries(typeof variables === 'function' ? await variables(task) : variables)
          .map(([name, value]) => [name, {value}]));
        await call('POST', `/engine-rest/task/${task.id}/complete`, 'admin', 'admin', {variables: typed});
      }
    },
    async fireTimer(caseNumber, activityId) {
      const instance = (await call('GET', `/engine-rest/process-instance?businessKey=${caseNumber}`, 'admin', 'admin'))[0];
      const jobs = await call('GET', `/engine-rest/job?processInstanceId=${instance.id}&activityId=${activityId}`, 'admin', 'admin');
      for (const job of jobs) {
        await call('POST', `/engine-rest/job/${job.id}/execute`, 'admin', 'admin');
      }
    },
    async runJobs(caseNumber) {
      const instance = (await call('GET', `/engine-rest/process-instance?businessKey=${caseNumber}`, 'admin', 'admin'))[0];
      for (const job of await call('GET', `/engine-rest/job?processInstanceId=${instance.id}&executable=true`, 'admin', 'admin')) {
        await call('POST', `/engine-rest/job/${job.id}/execute`, 'admin', 'admin');
      }
    },
    summary: () => call('GET', '/api/sla/summary', 'supervisor1', 'demo'),
    call
  };
  return api;
}

async function recordsComplete(api, caseNumber) {
  await api.recordsArrive(caseNumber);
  await api.complete(caseNumber, 'CheckRecordsCompletenessTask', {recordsComplete: true});
}

// The engine's REST API format of a Date variable.
function restDate(millis) {
  return new Date(millis).toISOString().replace('Z', '+0000');
}

const HOUR = 3_600_000;

// Moves a case's deadlines into the past (as if the case were older), then fires the timer the
// engine would have fired by now: the dashboard then shows real lateness, penalties and time left.
async function backdate(api, caseNumber, deadlines, timers) {
  const instance = (await api.call('GET', `/engine-rest/process-instance?businessKey=${caseNumber}`, 'admin', 'admin'))[0];
  const modifications = Object.fromEntries(Object.entries(deadlines)
    .map(([name, millis]) => [name, {value: restDate(millis), type: 'Date'}]));
  await api.call('POST', `/engine-rest/process-instance/${instance.id}/variables`, 'admin', 'admin', {modifications});
  for (const timer of timers) {
    await api.fireTimer(caseNumber, timer);
  }
}

// A task keeps the due date it was created with: the late case's reviewer task is made due with the
// backdated determination, as it would have been in a case that old.
async function backdateTask(api, caseNumber, key, millis) {
  for (const task of await api.task(caseNumber, key)) {
    // The engine's update takes the task's fields whole: the others as they are.
    const {name, description, assignee, owner, delegationState, followUp, priority, parentTaskId, caseInstanceId, tenantId} = task;
    await api.call('PUT', `/engine-rest/task/${task.id}`, 'admin', 'admin', {name, description, assignee, owner, delegationState,
      due: restDate(millis), followUp, priority, parentTaskId, caseInstanceId, tenantId});
  }
}

/**
 * Opens the Tasklist filter and waits until its list names every expected entry; answers the names
 * listed. Each filter's link holds a counter, shown on the open filter's alone ("All open tasks (6)",
 * the brackets drawn by the style sheet) but in every link's text, with the open filter's count: the
 * link of a filter not open reads "All overdue tasks 6" too.
 */
async function filterListing(page, filter, expected) {
  const link = page.locator('.task-filters a', {hasText: new RegExp('^\\s*' + filter + '\\s*\\(?\\d*\\)?\\s*$')}).first();
  await link.click({timeout: 30_000}).catch(async () => {
    throw new Error(`no filter link "${filter}" among ${JSON.stringify(await page.locator('.task-filters a').allInnerTexts())}`);
  });
  return waitFor(`"${filter}" to list ${expected.join(', ')}`, async () => {
    const names = (await page.locator('ol.tasks-list > li h4 a').allInnerTexts()).map(name => name.replace(/\s+/g, ' ').trim());
    return expected.every(entry => names.includes(entry)) ? names : null;
  }, 30_000);
}

async function seedCases(api) {
  const now = Date.now();
  await api.submit(false);                                   // on track, awaiting records
  await api.submit(true);                                    // on track, expedited
  const converted = await api.submit(false);
  await api.expedite(converted);                             // on track, converted to expedited
  const lateRecords = await api.submit(false);               // breached: records 3 days overdue
  await backdate(api, lateRecords, {recordsDueAt: now - 60 * HOUR, slaDueAt: now - 60 * HOUR}, ['RecordsDueTimer']);
  const atRisk = await api.submit(false);                    // at risk: 2 days left of 30
  await recordsComplete(api, atRisk);
  await backdate(api, atRisk, {determinationAtRiskAt: now - 100 * HOUR, determinationDueAt: now + 50 * HOUR,
    slaDueAt: now + 50 * HOUR}, ['DeterminationAtRiskTimer']);
  const late = await api.submit(false);                      // breached: determination a day late
  await recordsComplete(api, late);
  await backdate(api, late, {determinationAtRiskAt: now - 170 * HOUR, determinationDueAt: now - 26 * HOUR,
    slaDueAt: now - 26 * HOUR}, ['DeterminationAtRiskTimer', 'DeterminationDueTimer']);
  await backdateTask(api, late, 'WriteClinicalSummaryTask', now - 26 * HOUR);
  const decided = await api.submit(false);
  await recordsComplete(api, decided);
  await api.complete(decided, 'WriteClinicalSummaryTask', {pagesReviewed: 54,
    clinicalSummary: 'The claimant was described as a 44-year-old man injured in 2012.'});
  await establishFacts(api.call, decided, 1, 'admin', 'admin');
  await api.complete(decided, 'DecideItemTask', {decision: 'UPHELD'});
  await api.complete(decided, 'ReviewLetterTask', {letterApproved: true});
  await api.runJobs(decided);                                // letter issued: counts in the average age
  return {lateRecords, atRisk, late};
}

async function main() {
  fs.mkdirSync(shots, {recursive: true});
  const started = Date.now();
  let app = {base: process.env.COCKPIT_SLA_BASE_URL, stop: async () => {}};
  if (!app.base) {
    console.log('== Cockpit SLA dashboard: starting the application');
    // The check fires the timers itself, so nothing runs behind its back.
    app = await startApplication('cockpit-sla-application.log',
      ['--spring.datasource.url=jdbc:h2:mem:cockpit-sla;DB_CLOSE_DELAY=-1', '--camunda.bpm.job-execution.enabled=false']);
  }
  const base = app.base;
  let closeBrowser;
  let page;
  try {
    const api = client(base);
    const seeded = await seedCases(api);
    const summary = await api.summary();
    check(summary.bySlaStatus.ON_TRACK >= 3 && summary.bySlaStatus.AT_RISK >= 1 && summary.bySlaStatus.BREACHED >= 2,
      'the summary counts cases in every SLA status ' + JSON.stringify(summary.bySlaStatus));
    check(summary.determinationAge.lettersIssued === 1, 'the summary counts the issued letter in the average age');

    ({page, close: closeBrowser} = await launchBrowser('cockpit-sla'));
    await login(page, base, 'cockpit', 'supervisor1', 'demo');
    await page.waitForSelector('.imr-sla-tile .imr-sla-number', {timeout: 60_000});
    check(true, 'supervisor1 is logged in to Cockpit and its start page shows the SLA tiles');
    await page.screenshot({path: path.join(shots, 'cockpit-sla-start-page.png'), fullPage: false});

    await page.click('a[href="#/sla"]');
    await page.waitForSelector('.imr-sla-closest tbody tr', {timeout: 60_000});
    const counts = await page.$$eval('.imr-sla-number[data-status]',
      nodes => Object.fromEntries(nodes.map(n => [n.dataset.status, Number(n.textContent)])));
    check(counts.ON_TRACK > 0 && counts.AT_RISK > 0 && counts.BREACHED > 0,
      'the dashboard shows cases on track, at risk and breached ' + JSON.stringify(counts));
    const stages = await page.$$eval('.imr-sla-stages tbody tr td:first-child', nodes => nodes.map(n => n.textContent));
    check(stages.includes('Awaiting records') && stages.includes('Clinical summary'),
      'the stage table lists the stages of the open cases ' + JSON.stringify(stages));
    const closest = await page.$$eval('.imr-sla-closest tbody tr td:first-child a',
      links => links.map(a => ({caseNumber: a.textContent, href: a.getAttribute('href')})));
    const penalty = await page.textContent('.imr-sla-closest tbody tr:first-child td:last-child');
    check(closest[0].caseNumber === seeded.lateRecords && penalty.trim() === '$1,500',
      'the case most overdue comes first, with its accrued late-records penalty ' + penalty);
    check([seeded.lateRecords, seeded.atRisk, seeded.late].every(c => closest.some(row => row.caseNumber === c)) &&
      closest.every(row => row.href.startsWith('#/process-instance/')),
      'the closest-to-deadline list links each case to its Cockpit instance');
    const ageText = await page.textContent('.imr-sla-age');
    check(/days on average from complete records to letter, over 1 letter issued/.test(ageText), 'the average age is shown: ' + ageText);
    await page.waitForSelector('.imr-sla-monthly tbody tr', {timeout: 60_000});
    const lettersThisMonth = await page.textContent('.imr-sla-monthly tr[data-figure="letters_issued"] td:last-child');
    check(Number(lettersThisMonth) >= 1, 'the monthly figures of this month count the letter issued: ' + lettersThisMonth);
    await page.screenshot({path: path.join(shots, 'cockpit-sla-dashboard.png'), fullPage: true});

    await page.click('.imr-sla-tile[href*="BREACHED"]');
    await page.waitForSelector('.process-instances-search, [cam-widget-search]', {timeout: 60_000});
    // The search shows its criteria at once and the instances found a moment later.
    const listed = await waitFor('the breached cases listed', async () => {
      const text = await page.textContent('body');
      return text.includes(seeded.lateRecords) && text;
    }, 15_000).catch(() => page.textContent('body'));
    check(listed.includes(seeded.lateRecords) || listed.includes('slaStatus'),
      'the Breached tile opens Cockpit\'s instance search filtered on slaStatus');
    await page.screenshot({path: path.join(shots, 'cockpit-sla-breached-search.png'), fullPage: true});

    await page.goto(base + '/camunda/app/cockpit/default/#/process-instance/' +
      (await api.call('GET', `/engine-rest/process-instance?businessKey=${seeded.late}`, 'admin', 'admin'))[0].id + '/runtime');
    await page.waitForSelector('.djs-container', {timeout: 60_000});
    await page.waitForTimeout(2000);
    await page.screenshot({path: path.join(shots, 'cockpit-sla-late-case.png'), fullPage: false});

    // The supervisor's own Tasklist filter lists every case's tasks, the reviewers' included.
    await page.goto(base + '/camunda/app/tasklist/default/');
    await page.locator('.task-filters').waitFor({timeout: 180_000});
    const reviewersTasks = [seeded.atRisk, seeded.late].map(c => `Write clinical summary (${c})`);
    const open = await filterListing(page, 'All open tasks', reviewersTasks);
    await page.screenshot({path: path.join(shots, 'tasklist-supervisor-all-open-tasks.png'), fullPage: true});
    check(open.some(name => name.includes(seeded.late)) && open.some(name => name.includes(seeded.atRisk)),
      `supervisor1's "All open tasks" lists the reviewers' tasks of every case: ${open.length} tasks`);
    const due = await api.call('GET', `/engine-rest/task?dueBefore=${encodeURIComponent(restDate(Date.now()))}`, 'admin', 'admin');
    const overdue = await filterListing(page, 'All overdue tasks', [reviewersTasks[1]]);
    await page.mouse.move(900, 600); // the link's description tooltip would hide the filter above it
    await page.screenshot({path: path.join(shots, 'tasklist-supervisor-all-overdue-tasks.png'), fullPage: true});
    check(JSON.stringify([...overdue].sort()) === JSON.stringify(due.map(task => task.name).sort())
      && !overdue.some(name => name.includes(seeded.atRisk)),
    `supervisor1's "All overdue tasks" lists the tasks past their due date, the late case's reviewer task among them, `
      + `and none of the case still on time: ${overdue.join('; ')}`);

    // An analyst may not read the SLA figures: no menu entry leads to an empty page.
    await page.context().clearCookies();
    await page.goto('about:blank');
    await login(page, base, 'cockpit', 'analyst1', 'demo');
    await page.locator('.imr-sla-no-access').waitFor({timeout: 60_000});
    check(await page.locator('a[href="#/sla"]:visible').count() === 0
      && /for supervisors and administrators/.test(await page.locator('.imr-sla-no-access').innerText()),
    'an analyst\'s Cockpit shows no SLA menu entry, and its start page says the SLA figures are for supervisors');
    await page.screenshot({path: path.join(shots, 'cockpit-analyst-no-sla.png'), fullPage: false});
  } catch (error) {
    checks.fail(error.message);
    if (page) {
      await page.screenshot({path: path.join(shots, 'cockpit-sla-failure.png'), fullPage: true}).catch(() => {});
    }
  } finally {
    await closeBrowser?.();
    await app.stop();
  }
  console.log(`== Cockpit SLA dashboard took ${Math.round((Date.now() - started) / 1000)} s`);
  checks.finish('browser');
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
