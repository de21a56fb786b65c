// Intake's list of the cases they registered today (the California day), the latest first, each
// linked to its case page. Read with the webapps' session, as Tasklist's links open it.
const CHANNELS = {PAPER: 'Paper form', API: 'API'};
const STATUSES = {OPEN: 'Open', INELIGIBLE: 'Not eligible', WITHDRAWN: 'Withdrawn', DETERMINATION_ISSUED: 'Determination issued'};
const TODAY = new Intl.DateTimeFormat('en-US', {weekday: 'long', month: 'long', day: 'numeric', year: 'numeric',
  timeZone: 'America/Los_Angeles'});

const $ = id => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

async function load() {
  $('today').textContent = TODAY.format(new Date());
  const response = await fetch('/api/cases/registered-today', {headers: {Accept: 'application/json'}});
  if (response.status === 401) {
    throw new Error('Log in to Tasklist first, then open this page again.');
  }
  if (!response.ok) {
    throw new Error(response.status === 403 ? 'This list is for intake staff and supervisors.'
      : `The list could not be loaded (the server answered ${response.status}).`);
  }
  const cases = await response.json();
  $('registered-list').replaceChildren(...cases.map(c => el('tr', {'data-case': c.caseNumber},
    el('td', {}, el('a', {href: c.casePage}, c.caseNumber)),
    el('td', {}, c.employeeName),
    el('td', {}, c.claimNumber || ''),
    el('td', {}, c.registeredAtCalifornia),
    el('td', {}, CHANNELS[c.channel] || c.channel),
    el('td', {}, STATUSES[c.status] || c.status))));
  $('registered').hidden = !cases.length;
  $('none').hidden = cases.length > 0;
}

load().catch(error => {
  $('message').textContent = error.message;
  $('message').hidden = false;
});
