// The case search: intake and supervisors find a case by what a caller can tell them (case number,
// claim number, the employee's name or date of birth) or by stage and SLA status, closed cases included
// for supervisors, and open it on the case page. Supervisors read here who searched for what.
import {$, LABELS, api, day, el, label, say} from './case-page-common.js';

Object.entries(LABELS.stages).forEach(([code, label]) => $('stage-choice').append(el('option', {value: code}, label)));

function caseLink(number) {
  return el('a', {href: `/case.html?number=${encodeURIComponent(number)}`}, number);
}

async function search(form) {
  const query = new URLSearchParams([...new FormData(form)].filter(([, value]) => String(value).trim()));
  history.replaceState(null, '', `?${query}`);
  say('');
  try {
    const result = await api(`/api/cases?${query}`);
    $('count').textContent = (result.count === 1 ? '1 case' : `${result.count} cases`)
      + (result.more ? ', the newest 100 shown: narrow the search' : '')
      + (result.openCasesOnly ? ', open cases only' : '');
    $('found').replaceChildren(...result.cases.map(c => el('tr', {'data-case': c.caseNumber},
      el('td', {}, caseLink(c.caseNumber)),
      el('td', {}, c.employeeName),
      el('td', {}, day(c.dateOfBirth)),
      el('td', {}, c.claimNumber || ''),
      el('td', {}, c.status === 'OPEN' ? label('stages', c.stage) : label('statuses', c.status)),
      el('td', {}, c.slaStatus && c.status === 'OPEN' ? el('span', {class: `badge ${c.slaStatus}`}, label('slaStatuses', c.slaStatus)) : ''),
      el('td', {}, c.status === 'OPEN' ? c.dueCalifornia || '' : ''),
      el('td', {}, day(c.applicationReceivedDate)))));
    $('results').hidden = false;
  } catch (error) {
    $('results').hidden = true;
    say(error.message);
  }
}

$('search').addEventListener('submit', event => {
  event.preventDefault();
  search(event.target);
});

$('show-log').addEventListener('click', async () => {
  try {
    const searches = await api('/api/case-searches');
    $('log-rows').replaceChildren(...searches.slice(0, 100).map(s => el('tr', {},
      el('td', {}, s.when), el('td', {}, s.user), el('td', {}, s.criteria),
      el('td', {}, ...s.caseNumbers.flatMap((n, i) => i ? [', ', caseLink(n)] : [caseLink(n)])))));
    $('log').hidden = false;
  } catch (error) {
    say(error.message);
  }
});

// A search named in the address (a bookmark, the browser's back button) runs again.
const given = new URLSearchParams(location.search);
if ([...given.keys()].length) {
  const form = $('search');
  given.forEach((value, name) => form.elements[name] && (form.elements[name].value = value));
  search(form);
}
