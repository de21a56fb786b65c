// The case page: a case's parties, disputed items (recommendation and decision), stage and deadlines
// in California time, documents (opened in the case-file viewer), letters with their versions and QA
// notes, and the timeline of who did what and when. Opened from the case search, from the Case tab
// of each task in Tasklist (embedded, ?embedded=1) or by its address /case.html?number=CM26-0000123.
import {$, api, california, day, el, label, say, words} from './case-page-common.js';

const params = new URLSearchParams(location.search);
const number = params.get('number');
if (params.has('embedded')) {
  document.body.classList.add('embedded');
}

function row(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

/** Why the case closed, in the server's sentence; the case it was joined into links to that case's page. */
function closing({sentence, joinedInto}) {
  const at = joinedInto ? sentence.indexOf(joinedInto) : -1;
  if (at < 0) {
    return sentence;
  }
  return [sentence.slice(0, at),
    el('a', {href: `/case.html?number=${encodeURIComponent(joinedInto)}`, target: '_blank', rel: 'noopener'}, joinedInto),
    sentence.slice(at + joinedInto.length)];
}

function showCase(c) {
  document.title = `Case ${c.caseNumber}`;
  $('case-number').textContent = c.caseNumber;
  $('case-status').textContent = label('statuses', c.status);
  const d = c.deadlines || {};
  $('stage').replaceChildren(...[
    row('Stage', c.status === 'OPEN' ? label('stages', c.stage) : label('statuses', c.status)),
    c.outcome && !c.closing ? row('Outcome', words(c.outcome)) : [],
    row('Review', c.expedited ? `${c.reviewNo}, expedited` : String(c.reviewNo)),
    c.reviewer ? row('Reviewer', c.reviewer) : [],
    row('Application received', day(c.applicationReceivedDate)),
    row('Registered', california(c.registeredAt), c.registeredBy ? ` by ${c.registeredBy}` : ''),
    // A closed case has no running deadline: its SLA status and due date were those of when it closed.
    d.slaStatus && c.status === 'OPEN' ? row('SLA', el('span', {class: `badge ${d.slaStatus}`}, label('slaStatuses', d.slaStatus)),
      d.runningDeadline ? ` deadline running: ${label('deadlines', d.runningDeadline)}` : '') : [],
    d.dueAt && c.status === 'OPEN' ? row('Due', california(d.dueAt.at)) : [],
    d.recordsDueAt ? row('Records due', california(d.recordsDueAt.at)) : [],
    d.recordsCompleteAt ? row('Records complete', california(d.recordsCompleteAt.at)) : [],
    d.determinationIssuedAt ? row('Determination issued', california(d.determinationIssuedAt.at)) : [],
    c.closedAt ? row('Closed', california(c.closedAt)) : [],
    c.closing ? row('Why it closed', el('span', {class: 'closing'}, closing(c.closing))) : []
  ].flat());
  const p = c.parties;
  $('parties').replaceChildren(...[
    row('Employee', p.employee.name),
    row('Date of birth', day(p.employee.dateOfBirth)),
    row('Date of injury', day(p.employee.dateOfInjury)),
    row('Claim number', p.employee.claimNumber || ''),
    p.employee.representative ? row('Representative', p.employee.representative) : [],
    row('Employer', p.employer),
    row('Claims administrator', p.claimsAdministrator),
    row('Requesting physician', [p.requestingPhysician.name, p.requestingPhysician.specialty,
      p.requestingPhysician.group].filter(Boolean).join(', ')),
    row('Filed by', words(p.filedBy))
  ].flat());
  $('items').replaceChildren(...c.disputedItems.map(item => el('tr', {},
    el('td', {}, `${item.itemNo}. ${item.requestedTreatment}`, el('div', {class: 'muted'}, label('treatmentCategories', item.treatmentCategory)),
      // An item of another application joined into this case (8 CCR 9792.10.4(a)).
      item.joinedFrom ? el('div', {class: 'muted joined-from'}, 'Joined from ',
        el('a', {href: item.joinedFrom.page, target: '_blank', rel: 'noopener'}, `case ${item.joinedFrom.caseNumber}`),
        `, its item ${item.joinedFrom.itemNo}, on ${item.joinedFrom.joinedAt ? item.joinedFrom.joinedAt.california : 'a date not recorded'}`)
        : ''),
    el('td', {}, item.recommendation ? [words(item.recommendation.outcome),
      el('div', {class: 'muted'}, `Rule ${item.recommendation.ruleIds.join(', ')}`),
      el('div', {class: 'muted'}, item.recommendation.citation || '')] : el('span', {class: 'muted'}, 'Not yet')),
    el('td', {}, item.decision ? [words(item.decision.decision),
      item.decision.departsFromRecommendation ? el('div', {class: 'muted'}, 'Departs from the recommendation') : '',
      el('div', {class: 'muted'}, `${item.decision.decidedBy || ''}, ${california(item.decision.decidedAt)}`)]
      : el('span', {class: 'muted'}, 'Not yet')))));
  $('documents').replaceChildren(`${c.documents.count} documents, ${c.documents.pages} pages on file. `,
    el('a', {href: c.documents.caseFile, target: '_blank', rel: 'noopener'}, 'Open the case file'));
  $('document-list').replaceChildren(...c.documents.list.map(d => el('li', {},
    d.viewer ? el('a', {href: d.viewer, target: '_blank', rel: 'noopener'}, d.title) : `${d.title} (described only)`,
    el('span', {class: 'muted'}, `, ${d.pages} pages, received ${california(d.receivedAt)}`))));
  $('letters').replaceChildren(...c.letters.map(letter => el('tr', {},
    el('td', {}, el('a', {href: letter.pdf, target: '_blank', rel: 'noopener'}, `${letter.name}, version ${letter.version}`)),
    el('td', {}, words(letter.status)),
    el('td', {}, california(letter.createdAt), el('div', {class: 'muted'}, letter.createdBy)),
    el('td', {}, letter.reviewNote || ''),
    el('td', {}, california(letter.issuedAt)))));
  if (!c.letters.length) {
    $('letters').replaceChildren(el('tr', {}, el('td', {colspan: 5, class: 'muted'}, 'No letter yet')));
  }
}

function showTimeline(timeline) {
  $('timeline').replaceChildren(...timeline.entries.map(entry => el('li', {class: entry.kind},
    el('div', {class: 'when'}, entry.when),
    el('div', {}, entry.what, entry.who ? [' — ', el('span', {class: 'who'}, entry.who)] : ''),
    entry.detail ? el('div', {class: 'detail'}, entry.detail) : '')));
}

async function load() {
  if (!number) {
    say('Name a case: /case.html?number=CM26-0000123, or find it with the case search.');
    return;
  }
  try {
    const path = `/api/cases/${encodeURIComponent(number)}`;
    const [overview, timeline] = await Promise.all([api(`${path}/overview`), api(`${path}/timeline`)]);
    showCase(overview);
    showTimeline(timeline);
    $('case').hidden = false;
  } catch (error) {
    say(error.message);
  }
}

load();
