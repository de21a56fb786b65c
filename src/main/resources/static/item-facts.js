// The facts section of "Decide disputed item": the clinical facts the item's guideline table reads,
// each established from the records with the document and page it is read on, or as not documented,
// and the recommendation those facts give. Opened from the reviewer's task form in Tasklist, with the
// webapps' session (same origin). Saving updates the task's own facts and recommendation; the task
// itself is completed in Tasklist.
const OWN = {'X-IMR-Page': 'item-facts'};
const OUTCOMES = {
  NOT_MEDICALLY_NECESSARY: 'Not medically necessary (Upheld)',
  MEDICALLY_NECESSARY: 'Medically necessary (Overturned)',
  NEEDS_PHYSICIAN_JUDGEMENT: 'Your judgement: the guidelines do not decide this request'
};
const STATUS = {ESTABLISHED: 'from the records', NOT_DOCUMENTED: 'not documented', UNCONFIRMED: 'unconfirmed',
  EMPTY: 'empty'};

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const caseNumber = params.get('case');
const itemNo = params.get('item');
const path = `/api/cases/${encodeURIComponent(caseNumber)}/items/${encodeURIComponent(itemNo)}/facts`;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => value !== undefined && node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function say(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

async function api(options = {}) {
  const response = await fetch(path, {...options, headers: {...OWN, Accept: 'application/json', ...options.headers}});
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (response.status === 401) {
    throw new Error('Log in to Tasklist first, then open this page again from the task.');
  }
  if (!response.ok) {
    const error = new Error((body?.errors || []).map(e => `${e.field} ${e.problem}`).join('; ')
        || body?.detail || `The server answered ${response.status}`);
    error.fields = (body?.errors || []).map(e => e.field);
    throw error;
  }
  return body;
}

function valueInput(fact, value) {
  if (fact.type === 'boolean') {
    const select = el('select', {}, el('option', {value: ''}, '–'), el('option', {value: 'true'}, 'yes'),
        el('option', {value: 'false'}, 'no'));
    select.value = value === null || value === undefined ? '' : String(value);
    return select;
  }
  if (fact.allowedValues.length) {
    const select = el('select', {}, el('option', {value: ''}, '–'),
        fact.allowedValues.map(code => el('option', {value: code}, code.replaceAll('_', ' ').toLowerCase())));
    select.value = value ?? '';
    return select;
  }
  const type = {integer: 'number', long: 'number', double: 'number', date: 'date'}[fact.type] || 'text';
  const input = el('input', {type, step: fact.type === 'double' ? 'any' : undefined});
  input.value = value ?? '';
  return input;
}

function read(fact, input) {
  const text = input.value.trim();
  if (text === '') {
    return null;
  }
  if (fact.type === 'boolean') {
    return text === 'true';
  }
  return ['integer', 'long', 'double'].includes(fact.type) ? Number(text) : text;
}

let rows = [];

function render(view) {
  $('case-number').textContent = view.caseNumber;
  $('item-no').textContent = view.itemNo;
  $('requested').textContent = `${view.requestedTreatment} (${view.treatmentCategory.replaceAll('_', ' ').toLowerCase()})`;
  $('case-file-link').href = `/case-file.html?case=${encodeURIComponent(view.caseNumber)}`;
  $('save').disabled = !view.decisionOpen;
  $('saved').textContent = view.decisionOpen ? '' : 'The item is not being decided: the facts are shown as established.';
  rows = view.facts.map(({fact, value, status, source, establishedInReview, fromEarlierReview}) => {
    const input = valueInput(fact, value);
    const documentSelect = el('select', {'aria-label': `Document for ${fact.label}`}, el('option', {value: ''}, '–'),
        view.documents.map(d => el('option', {value: d.id}, `${d.title} (${d.pages} p.)`)));
    documentSelect.value = source ? String(source.documentId) : '';
    const page = el('input', {type: 'number', min: 1, class: 'page', 'aria-label': `Page for ${fact.label}`});
    page.value = source ? source.page : '';
    const open = el('a', {target: '_blank', rel: 'noopener'}, 'open');
    const link = () => {
      open.hidden = !documentSelect.value;
      open.href = `/case-file.html?case=${encodeURIComponent(view.caseNumber)}&document=${documentSelect.value}`
          + `&page=${page.value || 1}`;
    };
    documentSelect.addEventListener('change', link);
    page.addEventListener('change', link);
    link();
    const notDocumented = el('input', {type: 'checkbox', 'aria-label': `${fact.label} not documented`});
    notDocumented.checked = status === 'NOT_DOCUMENTED';
    const row = el('tr', {'data-fact': fact.name},
        el('td', {title: fact.description || ''}, fact.label || fact.name),
        el('td', {}, input),
        el('td', {}, documentSelect, ' page ', page, ' ', open),
        el('td', {}, notDocumented),
        el('td', {}, el('span', {class: `status ${fromEarlierReview ? 'EARLIER' : status}`}, fromEarlierReview
            ? `${STATUS[status]} in review ${establishedInReview}: confirm or change` : STATUS[status])));
    const touch = () => row.dataset.changed = 'true';
    // An earlier review's finding is this review's starting point: saving it as it stands confirms it.
    if (fromEarlierReview && view.decisionOpen) {
      touch();
    }
    [input, documentSelect, page, notDocumented].forEach(control => control.addEventListener('change', touch));
    return {fact, row, input, documentSelect, page, notDocumented};
  });
  $('fact-list').replaceChildren(...rows.map(r => r.row));
  const r = view.recommendation;
  $('recommendation').replaceChildren(
      el('h2', {}, 'Recommendation with these facts'),
      el('p', {class: 'outcome', id: 'outcome'}, OUTCOMES[r.outcome]),
      el('p', {}, r.rationale),
      el('p', {class: 'muted'}, `Rule ${r.ruleIds.join(', ')} · ${r.citation}`),
      el('p', {class: 'muted'}, 'The task in Tasklist shows these facts and this recommendation once you open it '
          + 'again (reload the task if it is open).'));
  $('item-facts').hidden = false;
}

async function save() {
  const facts = rows.filter(r => r.row.dataset.changed).map(r => r.notDocumented.checked
      ? {name: r.fact.name, notDocumented: true}
      : {name: r.fact.name, value: read(r.fact, r.input),
         documentId: r.documentSelect.value ? Number(r.documentSelect.value) : null,
         page: r.page.value ? Number(r.page.value) : null});
  rows.forEach(r => r.row.classList.remove('problem'));
  if (!facts.length) {
    say('Change a fact first.');
    return;
  }
  try {
    render(await api({method: 'PUT', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({facts})}));
    say('');
    $('saved').textContent = `${facts.length} fact(s) saved.`;
  } catch (error) {
    (error.fields || []).forEach(field => {
      const index = Number(/facts\[(\d+)]/.exec(field)?.[1]);
      const name = facts[index]?.name;
      rows.find(r => r.fact.name === name)?.row.classList.add('problem');
    });
    say(error.message);
  }
}

$('save').addEventListener('click', save);
if (!caseNumber || !itemNo) {
  say('Open this page from the "Decide disputed item" task.');
} else {
  api().then(render).catch(error => say(error.message));
}
