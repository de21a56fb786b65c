// What the browser checks share: a real PostgreSQL (zonky, as the Java tests use), the built
// application started on a free port, headless Debian Chromium driven by playwright-core (no
// browser download), screenshots, logging in to the Camunda webapps, HTTP calls as a given user,
// waiting for what the application does, and the "N passed, M failed" count every check ends with.
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshots = path.join(root, 'target', 'screenshots');

/** Counts passed and failed checks, prints each, and sets the exit code at the end. */
export class Checks {
  passed = 0;
  failed = 0;

  check(condition, what) {
    if (condition) {
      this.passed++;
      console.log('  ok   ' + what);
    } else {
      this.failed++;
      console.log('  FAIL ' + what);
    }
    return condition;
  }

  fail(what) {
    return this.check(false, what);
  }

  /** The closing line CI reads; exit code 1 when anything failed. */
  finish(label) {
    console.log(`${label}: ${this.passed} passed, ${this.failed} failed`);
    process.exitCode = this.failed === 0 && this.passed > 0 ? 0 : 1;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The application jar a build left in the folder (target/ by default). */
export function findJar(target = path.join(root, 'target')) {
  const jar = fs.existsSync(target) && fs.readdirSync(target).find(f => /^imr-case-management-.*\.jar$/.test(f));
  if (!jar) {
    throw new Error(`No application jar in ${target}: run mvn package first`);
  }
  return path.join(target, jar);
}

/**
 * The test classpath, from Maven once and then from target/ (the embedded PostgreSQL and its
 * binaries are test dependencies, so they are not in the application jar).
 */
export function testClasspath() {
  const file = path.join(root, 'target', 'browser-test-classpath.txt');
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < fs.statSync(path.join(root, 'pom.xml')).mtimeMs) {
    execFileSync('mvn', ['-q', '-B', 'dependency:build-classpath', '-Dmdep.includeScope=test',
      '-Dmdep.outputFile=' + file], {cwd: root, stdio: ['ignore', 'inherit', 'inherit']});
  }
  if (!fs.existsSync(path.join(root, 'target', 'test-classes', 'org', 'openimr', 'PostgresForBrowserTests.class'))) {
    throw new Error('No test classes in target/: run mvn package (without -Dmaven.test.skip) first');
  }
  return path.join(root, 'target', 'test-classes') + path.delimiter + fs.readFileSync(file, 'utf8').trim();
}

/**
 * Starts PostgreSQL 17 (org.openimr.PostgresForBrowserTests) and answers its JDBC settings and a
 * stop function. The server also stops when this process dies, since it ends with its input.
 */
export async function startPostgres(logName) {
  const log = fs.openSync(path.join(screenshots, logName), 'w');
  const server = spawn('java', ['-cp', testClasspath(), 'org.openimr.PostgresForBrowserTests'],
    {stdio: ['pipe', 'pipe', log]});
  const url = await new Promise((resolve, reject) => {
    const lines = readline.createInterface({input: server.stdout});
    lines.on('line', line => line.startsWith('jdbc:') && resolve(line.trim()));
    server.on('exit', code => reject(new Error(`PostgreSQL did not start (exit ${code}); see target/screenshots/${logName}`)));
  });
  return {
    url,
    user: 'postgres',
    password: 'postgres',
    stop: () => new Promise(resolve => {
      server.on('exit', resolve);
      server.stdin.end();
    })
  };
}

/**
 * Starts the jar (target/*.jar unless told) on a free loopback port with the given extra arguments
 * and waits for its health endpoint; its output goes to target/screenshots/<logName>. Answers {base, stop}.
 */
export async function startApplication(logName, args, jar = findJar()) {
  const port = await freePort();
  const log = fs.openSync(path.join(screenshots, logName), 'w');
  const app = spawn('java', ['-jar', jar, '--server.port=' + port, '--server.address=127.0.0.1', ...args],
    {stdio: ['ignore', log, log]});
  const base = `http://127.0.0.1:${port}`;
  const stop = () => new Promise(resolve => {
    if (app.exitCode !== null) {
      resolve();
    } else {
      app.on('exit', resolve);
      app.kill();
    }
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) {
      throw new Error(`The application stopped during start-up; see target/screenshots/${logName}`);
    }
    try {
      if ((await fetch(base + '/actuator/health')).ok) {
        return {base, stop};
      }
    } catch (notYet) {
      // still starting
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error('The application did not start within 3 minutes');
}

/** HTTP calls to the application as a given user (HTTP Basic), JSON in and out. */
export function httpClient(base) {
  async function call(method, url, user, password, body) {
    const response = await fetch(base + url, {
      method,
      headers: {
        Authorization: 'Basic ' + Buffer.from(user + ':' + password).toString('base64'),
        'Content-Type': 'application/json',
        Accept: 'application/json'
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
    }
    return text ? JSON.parse(text) : null;
  }
  return call;
}

/**
 * Headless Debian Chromium with a fresh profile. Answers {browser, page, close}; browser console
 * errors are printed, as they often explain a form that did not render.
 */
export async function launchBrowser(prefix) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), prefix + '-chromium-'));
  // Headless Chromium blocks its PDF viewer (ERR_BLOCKED_BY_CLIENT): PDFs are downloaded instead, as a person's browser may.
  fs.mkdirSync(path.join(profile, 'Default'));
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({plugins: {always_open_pdf_externally: true}}));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    viewport: {width: 1400, height: 1000},
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  const page = browser.pages()[0] || await browser.newPage();
  // Chromium reports a 404 without its address, and the webapps ask for optional files that are not
  // there (their user style sheets); the checks notice any missing page or PDF they need themselves.
  page.on('console', message => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && console.log('  browser console: ' + message.text()));
  return {
    browser,
    page,
    close: async () => {
      await browser.close();
      fs.rmSync(profile, {recursive: true, force: true});
    }
  };
}

/**
 * Saves a screenshot of the page, unless told otherwise tall enough for the longest scrolling pane
 * (a long form in a dialog) to show whole, up to maxHeight pixels.
 */
export async function screenshot(page, file, {whole = true, maxHeight = 8000} = {}) {
  const viewport = page.viewportSize();
  const needed = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight)));
  if (whole && needed > viewport.height) {
    await page.setViewportSize({width: viewport.width, height: Math.min(needed + 120, maxHeight)});
    await page.waitForTimeout(300);
  }
  // A tall page takes a while to capture on a busy machine.
  await page.screenshot({path: file, timeout: 60_000});
  await page.setViewportSize(viewport);
}

/** Logs in to a Camunda webapp ('tasklist', 'cockpit') on its login page. */
export async function login(page, base, webapp, user, password) {
  await page.goto(`${base}/camunda/app/${webapp}/default/`);
  const username = page.locator('input[ng-model="username"]');
  const secret = page.locator('input[type=password]');
  await username.waitFor({timeout: 60_000});
  // The login page can render again while it is typed into (seen: the password landing in the user
  // field); type until both fields hold what was typed.
  for (let attempt = 0; ; attempt++) {
    await username.fill(user);
    await secret.fill(password);
    if (await username.inputValue() === user && await secret.inputValue() === password) {
      break;
    }
    if (attempt === 2) {
      throw new Error('the login fields do not keep what is typed into them');
    }
    await page.waitForTimeout(1000);
  }
  await page.click('button[type=submit]');
  await page.waitForSelector('input[ng-model="username"]', {state: 'detached', timeout: 60_000});
}

/** Ends the webapps' session, so that the next login is another person's. */
export async function logout(page) {
  await page.context().clearCookies();
  // Leave the webapp, or the next login page address (the same page but for its #fragment) would not reload it.
  await page.goto('about:blank');
}

/** Polls the condition every half second until it answers something truthy, which it answers; fails after the timeout. */
export async function waitFor(what, condition, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for ' + what);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/**
 * Establishes a disputed item's facts as they stand, through the facts API (a decision needs every
 * fact its table reads): a value with its source, or page 1 of the case's first document where it has
 * none; a fact without a value as not documented. `http` is an httpClient; the user is the case's
 * reviewer or an administrator.
 */
export async function establishFacts(http, caseNumber, itemNo, user, password) {
  const url = `/api/cases/${caseNumber}/items/${itemNo}/facts`;
  const view = await http('GET', url, user, password);
  const first = view.documents[0];
  const facts = view.facts.map(({fact, value, source}) => value === null || value === undefined || (!source && !first)
    ? {name: fact.name, notDocumented: true}
    : {name: fact.name, value, documentId: source ? source.documentId : first.id, page: source ? source.page : 1});
  if (facts.length) {
    await http('PUT', url, user, password, {facts});
  }
}
