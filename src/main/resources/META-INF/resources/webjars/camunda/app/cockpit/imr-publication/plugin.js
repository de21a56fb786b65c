// Cockpit page for supervisors, beside the SLA dashboard and its monthly figures: the determinations
// the publication export withholds because their text still holds an identifier of the case, each
// with the kind of identifier found (never the text), and an editor to redact one by hand and
// release it. The server checks the released text again; a refusal is shown on the field it names.
// Data: GET /api/publication/withheld, GET and POST /api/publication/withheld/{case}/{review}[/release]
// of the application, read with the Cockpit session (same origin), which only supervisors and
// administrators may call. Plain DOM, no framework: Cockpit gives a plugin a node to fill.

import {cockpitPage, contextPath, el} from '../../imr-cockpit-page.js';

const STYLE = `
.imr-pub { padding: 20px 28px; font-size: 14px; color: #222; max-width: 1200px; }
.imr-pub h2 { font-size: 22px; margin: 0 0 4px; }
.imr-pub h3 { font-size: 16px; margin: 22px 0 8px; }
.imr-pub .imr-pub-intro { color: #555; margin-bottom: 14px; max-width: 900px; }
.imr-pub table { border-collapse: collapse; width: 100%; background: #fff; }
.imr-pub th, .imr-pub td { border-bottom: 1px solid #e3e3e3; padding: 6px 10px; text-align: left; vertical-align: top; }
.imr-pub th { background: #f5f5f5; font-weight: 600; }
.imr-pub td ul { margin: 0; padding-left: 18px; }
.imr-pub .imr-pub-editor { border: 1px solid #ccd; border-radius: 6px; padding: 12px 18px 16px; margin-top: 18px; background: #fafbff; }
.imr-pub .imr-pub-field { margin: 10px 0; }
.imr-pub .imr-pub-field label { display: block; font-weight: 600; margin-bottom: 3px; }
.imr-pub .imr-pub-field textarea { width: 100%; font: inherit; padding: 6px 8px; }
.imr-pub fieldset { border: 1px solid #dde; border-radius: 4px; padding: 4px 12px 8px; margin: 12px 0; }
.imr-pub legend { font-size: 14px; font-weight: 600; border: 0; width: auto; margin: 0; padding: 0 4px; }
.imr-pub .imr-pub-error { color: #a61d1d; background: #fdecea; border-radius: 3px; padding: 3px 8px; margin-top: 4px; font-size: 13px; }
.imr-pub .imr-pub-found { color: #a15c00; background: #fff4e0; border-radius: 4px; padding: 6px 12px; }
.imr-pub .imr-pub-done { color: #1b5e20; background: #e8f5e9; border-radius: 4px; padding: 8px 12px; margin-top: 12px; }
.imr-pub .imr-pub-note { color: #555; font-size: 13px; margin-top: 8px; }
.imr-pub .imr-pub-actions button { margin-right: 8px; }
`;

async function call(method, path, body) {
  const response = await fetch(contextPath() + path, {
    method,
    credentials: 'same-origin',
    // The header makes the release count as this user's with the Cockpit session (the API takes only GETs without it).
    headers: {Accept: 'application/json', 'X-IMR-Page': 'publication', ...(body ? {'Content-Type': 'application/json'} : {})},
    body: body ? JSON.stringify(body) : undefined
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  return {status: response.status, body: json};
}

function californiaDate(date) {
  return date.toLocaleDateString('en-CA', {timeZone: 'America/Los_Angeles'});
}

function withheldUrl(from, to) {
  return '/api/publication/withheld?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
}

function refusal(response, what) {
  if (response.status === 403) {
    return 'Redacting determinations for publication is for supervisors and administrators.';
  }
  const problems = (response.body?.errors || []).map(e => (e.label || e.field) + ' ' + e.problem);
  return what + ' (HTTP ' + response.status + (problems.length ? ': ' + problems.join('; ') : '') + ').';
}

/** A text field of the editor; `field` is the path the release API names in its refusals. */
function textField(id, label, field, value, rows) {
  const input = el('textarea', {id, 'data-field': field, rows: String(rows)});
  input.value = value || '';
  return el('div', {class: 'imr-pub-field', 'data-label': label}, el('label', {for: id}, label), input);
}

function problemSentence(label, problem) {
  return /^(is|are|must|still|has|have)\b/.test(problem) ? label + ' ' + problem : label + ': ' + problem;
}

/**
 * The editor of one withheld determination: its text as the export would publish it, what the
 * scrubber still finds there, and Release. Calls `released` after a release the server accepted.
 */
async function openEditor(area, entry, released) {
  area.replaceChildren(el('p', {}, 'Loading case ' + entry.caseNumber + '\u2026'));
  const draft = await call('GET', '/api/publication/withheld/' + encodeURIComponent(entry.caseNumber) + '/' + entry.reviewNo);
  if (draft.status !== 200) {
    area.replaceChildren(el('p', {class: 'imr-pub-error'}, refusal(draft, 'The determination could not be loaded')));
    return;
  }
  const d = draft.body;
  const summary = textField('imr-pub-summary', 'Clinical case summary', 'clinicalSummary', d.clinicalSummary, 8);
  const items = d.items.map((item, i) => el('fieldset', {'data-item': String(item.itemNo)},
    el('legend', {}, 'Item ' + item.itemNo),
    textField(`imr-pub-item${i}-treatment`, `Item ${item.itemNo}: Treatment`, `items[${i}].treatment`, item.treatment, 2),
    textField(`imr-pub-item${i}-guideline`, `Item ${item.itemNo}: Guideline`, `items[${i}].guideline`, item.guideline, 2),
    textField(`imr-pub-item${i}-rationale`, `Item ${item.itemNo}: Rationale`, `items[${i}].rationale`, item.rationale, 5)));
  const general = el('div', {});
  const release = el('button', {type: 'button', class: 'btn btn-primary imr-pub-release'}, 'Release for publication');
  const cancel = el('button', {type: 'button', class: 'btn btn-default'}, 'Close');
  const editor = el('div', {class: 'imr-pub-editor', 'data-case': d.caseNumber, 'data-review': String(d.reviewNo)},
    el('h3', {}, `Case ${d.caseNumber}, review ${d.reviewNo}: redact and release`),
    el('div', {class: 'imr-pub-found'}, 'What the scrubber still finds: ',
      el('ul', {}, (d.reasons.length ? d.reasons : ['nothing; release publishes this text']).map(r => el('li', {}, r)))),
    el('p', {class: 'imr-pub-note'}, 'Replace what identifies the employee, the parties or the reviewer (e.g. with ' +
      '"[redacted]" or "the employee"); the case number, the treatment and the decision stay.'),
    general, summary, items, el('div', {class: 'imr-pub-actions'}, release, cancel));
  area.replaceChildren(editor);
  editor.scrollIntoView({block: 'start'});
  cancel.addEventListener('click', () => area.replaceChildren());
  release.addEventListener('click', async () => {
    editor.querySelectorAll('.imr-pub-error').forEach(node => node.remove());
    const text = id => editor.querySelector('#' + id).value;
    const body = {
      clinicalSummary: text('imr-pub-summary'),
      items: d.items.map((item, i) => ({
        itemNo: item.itemNo,
        treatment: text(`imr-pub-item${i}-treatment`),
        guideline: text(`imr-pub-item${i}-guideline`) || null,
        rationale: text(`imr-pub-item${i}-rationale`)
      }))
    };
    release.disabled = true;
    try {
      const answer = await call('POST', '/api/publication/withheld/' + encodeURIComponent(d.caseNumber) + '/' +
        d.reviewNo + '/release', body);
      if (answer.status === 200) {
        released(answer.body);
        return;
      }
      const problems = answer.status === 400 ? answer.body?.errors || [] : [];
      let first = null;
      for (const problem of problems) {
        const input = editor.querySelector(`[data-field="${CSS.escape(problem.field)}"]`);
        const wrapper = input?.closest('.imr-pub-field');
        const message = el('div', {class: 'imr-pub-error', role: 'alert'},
          problemSentence(wrapper?.dataset.label || problem.label || problem.field, problem.problem));
        (wrapper || general).appendChild(message);
        first = first || wrapper || general;
      }
      if (!problems.length) {
        general.appendChild(el('div', {class: 'imr-pub-error', role: 'alert'}, refusal(answer, 'The release failed')));
        first = general;
      }
      first.scrollIntoView({block: 'center'});
    } finally {
      release.disabled = false;
    }
  });
}

async function renderPage(node) {
  node.appendChild(el('style', {}, STYLE));
  const now = new Date();
  const from = el('input', {type: 'date', class: 'imr-pub-from', value: californiaDate(new Date(now.getTime() - 365 * 864e5))});
  const to = el('input', {type: 'date', class: 'imr-pub-to', value: californiaDate(now)});
  const show = el('button', {type: 'button', class: 'btn btn-default btn-sm'}, 'Show');
  const list = el('div', {class: 'imr-pub-list'});
  const done = el('div', {});
  const editorArea = el('div', {});
  const root = el('div', {class: 'imr-pub'},
    el('h2', {}, 'Decisions withheld from publication'),
    el('p', {class: 'imr-pub-intro'}, 'The Division publishes every final determination with the identifying ' +
      'information removed. These determinations were issued in the period but kept back: their text still holds ' +
      'an identifier of the case in a form the scrubber could not remove. Redact each by hand and release it; ' +
      'the text is checked again before it is published.'),
    el('p', {}, 'Issued from ', from, ' to ', to, ' ', show),
    list, done, editorArea);
  node.appendChild(root);

  async function load() {
    list.replaceChildren(el('p', {}, 'Loading\u2026'));
    const answer = await call('GET', withheldUrl(from.value, to.value));
    if (answer.status !== 200) {
      list.replaceChildren(el('p', {class: 'imr-pub-error'}, refusal(answer, 'The list could not be loaded')));
      return;
    }
    const rows = answer.body.map(entry => {
      const redact = el('button', {type: 'button', class: 'btn btn-default btn-sm imr-pub-redact'}, 'Redact and release');
      redact.addEventListener('click', () => openEditor(editorArea, entry, released));
      return el('tr', {'data-case': entry.caseNumber, 'data-review': String(entry.reviewNo)},
        el('td', {}, el('a', {href: contextPath() + '/case.html?number=' + encodeURIComponent(entry.caseNumber),
          target: '_blank', rel: 'noopener'}, entry.caseNumber)),
        el('td', {}, entry.reviewNo === 1 ? '1' : entry.reviewNo + ' (after remand)'),
        el('td', {}, entry.issuedOn),
        el('td', {}, el('ul', {}, entry.reasons.map(reason => el('li', {}, reason)))),
        el('td', {}, redact));
    });
    list.replaceChildren(el('table', {class: 'imr-pub-withheld'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Case'), el('th', {}, 'Review'), el('th', {}, 'Issued'),
        el('th', {}, 'What the scrubber still finds'), el('th', {}, ''))),
      el('tbody', {}, rows.length ? rows
        : el('tr', {}, el('td', {colspan: '5'}, 'None: every determination of the period can be published.')))));
  }

  function released(draft) {
    editorArea.replaceChildren();
    done.replaceChildren(el('div', {class: 'imr-pub-done', role: 'status'}, `Case ${draft.caseNumber}, review ` +
      `${draft.reviewNo}: released by ${draft.releasedBy}; the export publishes the text as redacted.`));
    load();
  }

  show.addEventListener('click', () => {
    done.replaceChildren();
    load();
  });
  load();
}

export default cockpitPage({
  id: 'imr-publication',
  routeId: 'imr-publication-page',
  label: 'Publication',
  path: '/publication',
  priority: 55,
  // The menu entry is shown only to those who may redact (the list answers others 403).
  allowed: () => {
    const today = californiaDate(new Date());
    return call('GET', withheldUrl(today, today)).then(answer => answer.status === 200);
  },
  renderPage
});
