// The browser checks that run on an in-memory H2 database with the engine's job executor off, against
// one application started once for them all: the Cockpit SLA dashboard (first, as it counts every case
// of the database) and then the start form. Each check prints its own lines and closing count; the
// exit code is 1 when either failed. Run after `mvn package`: node src/test/browser/h2-checks.mjs
// (each check also runs alone, starting its own application).
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {screenshots, startApplication} from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHECKS = [['cockpit-sla.mjs', 'COCKPIT_SLA_BASE_URL'], ['start-form.mjs', 'START_FORM_BASE_URL']];

/** Runs a check script as its own node process against the application; answers its exit code. */
function run(script, variable, base) {
  return new Promise(resolve => {
    const check = spawn(process.execPath, [path.join(here, script)],
      {stdio: 'inherit', env: {...process.env, [variable]: base}});
    check.on('exit', code => resolve(code ?? 1));
  });
}

fs.mkdirSync(screenshots, {recursive: true});
const started = Date.now();
console.log('== H2 browser checks: starting the application');
// The checks fire the timers and run the jobs they need themselves, so nothing runs behind their backs.
const app = await startApplication('h2-checks-application.log',
  ['--spring.datasource.url=jdbc:h2:mem:browser-checks;DB_CLOSE_DELAY=-1', '--camunda.bpm.job-execution.enabled=false']);
console.log(`== the application is up after ${Math.round((Date.now() - started) / 1000)} s`);
let failed = false;
try {
  for (const [script, variable] of CHECKS) {
    failed = await run(script, variable, app.base) !== 0 || failed;
  }
} finally {
  await app.stop();
}
console.log(`== H2 browser checks took ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = failed ? 1 : 0;
