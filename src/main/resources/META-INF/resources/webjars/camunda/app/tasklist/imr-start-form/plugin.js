// What intake meets around Tasklist's "Start process" dialog, which has no plugin point of its own:
// - the case number a start registered, shown with a link to its case page until closed (for a
//   remand order, the case it reopened); hidden while a dialog is open (the next start form) and
//   there again when the dialog closes;
// - a draft of the application: closing the dialog (Close, Back, a click beside it, leaving the page)
//   keeps what was typed, per user, in this browser's localStorage, and the next start form is filled
//   with it until it is started or discarded;
// - Esc does not close the dialog;
// - the server's refusals attached to their fields, in the form's labels, the earlier ones cleared,
//   and the first problem scrolled into view;
// - Tasklist's notices in a box at the top right, clear of the task form's Save and Complete buttons
//   and of the filters and the task list;
// - the task list sorted, and its header named, by due date, the order its filters give.
// The dialog's answers are read where Tasklist's own scripts receive them (XMLHttpRequest), as no
// public interface hands them to a plugin. The draft is Tasklist's own save of a form
// ("camunda-form:<task>" in localStorage, the start form's being "camunda-form:undefined"), moved
// under the user's name so that no one else at the same browser is offered it.

const SUBMIT = /\/process-definition\/([^/]+)\/submit-form$/;
/** The supervisors' "Record remand order" process: its start reopens a case rather than registering one. */
const REMAND_PROCESS = 'record-remand-order';
const TASKLIST_SAVE = 'camunda-form:undefined';
const STYLE = `
.page-notifications { bottom: auto !important; top: 60px; left: auto !important; right: 16px; width: 460px;
  max-width: calc(100% - 32px); }
.imr-field-error { color: #a61d1d; background: #fdecea; border-radius: 3px; padding: 3px 8px; margin-top: 4px; font-size: 13px; }
.imr-start-problems { color: #a61d1d; background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; padding: 8px 12px; margin-bottom: 12px; }
.imr-start-problems ul { margin: 4px 0 0; padding-left: 20px; }
.imr-draft { background: #fff8e1; border: 1px solid #f3d98b; border-radius: 4px; padding: 8px 12px; margin-bottom: 12px; }
.imr-draft button { margin-left: 8px; }
.imr-case-started { position: fixed; top: 60px; left: 50%; transform: translateX(-50%); z-index: 1060; background: #e8f5e9;
  color: #1b5e20; border: 1px solid #a5d6a7; border-radius: 4px; padding: 12px 40px 12px 18px; font-size: 15px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.imr-case-started a { font-weight: 600; margin-left: 6px; }
body.modal-open .imr-case-started { visibility: hidden; }
.imr-case-started .imr-close { position: absolute; right: 10px; top: 8px; border: 0; background: transparent; font-size: 20px; cursor: pointer; }
`;

const appRoot = () => document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const siteRoot = () => appRoot().substring(0, appRoot().lastIndexOf('/'));

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

async function currentUser() {
  const response = await fetch(appRoot() + '/api/admin/auth/user/default', {credentials: 'same-origin'});
  return response.ok ? (await response.json()).userId || '' : '';
}

/**
 * The user signed in, asked when the page loads and again at each change of Tasklist's address (a
 * login ends on one), so that a dialog opened finds it known before a process is chosen from its list.
 */
let signedIn = '';
const refreshSignedIn = () => currentUser().then(user => {
  signedIn = user;
}).catch(() => {
  signedIn = '';
});
refreshSignedIn();
window.addEventListener('hashchange', refreshSignedIn);

const draftKey = user => 'imr-start-draft:' + user;

function storedDraft(user) {
  try {
    return JSON.parse(localStorage.getItem(draftKey(user)) || 'null');
  } catch (error) {
    return null;
  }
}

/** The open start dialog holding a form, or null. */
function startDialog() {
  const dialog = document.querySelector('.modal .modal-dialog');
  return dialog && dialog.querySelector('.modal-body .fjs-form') ? dialog : null;
}

// ---------------------------------------------------------------- the draft

let touched = false;
let userOfDialog = '';

/** Has Tasklist save the open start form (its hidden Save button), then keeps that under the user's name. */
function saveDraft() {
  const dialog = startDialog();
  if (!dialog || !touched || !userOfDialog) {
    return;
  }
  const save = dialog.querySelector('.form-actions button.btn-default');
  if (!save) {
    return;
  }
  save.removeAttribute('disabled');
  save.click();
  const saved = localStorage.getItem(TASKLIST_SAVE);
  localStorage.removeItem(TASKLIST_SAVE);
  if (saved) {
    localStorage.setItem(draftKey(userOfDialog), JSON.stringify({savedAt: new Date().toISOString(), data: JSON.parse(saved)}));
  }
  touched = false;
}

function discardDraft(user) {
  localStorage.removeItem(draftKey(user));
  localStorage.removeItem(TASKLIST_SAVE);
}

const WHEN = new Intl.DateTimeFormat('en-US', {
  month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'America/Los_Angeles'
});

/** The start form filled with the user's draft says so, and offers to start empty instead. */
function offerDraft(dialog, draft) {
  const form = dialog.querySelector('.modal-body .fjs-form');
  if (!form || dialog.querySelector('.imr-draft')) {
    return;
  }
  const employee = draft.data?.employee?.name;
  const discard = el('button', {type: 'button', class: 'btn btn-default btn-sm'}, 'Discard the draft and start empty');
  const note = el('div', {class: 'imr-draft', role: 'status'},
    `Your unfinished application of ${WHEN.format(new Date(draft.savedAt))} (California time)` +
    (employee ? `, employee ${employee},` : '') + ' is filled in again.', discard);
  discard.addEventListener('click', () => {
    discardDraft(userOfDialog);
    touched = false;
    reopenForm(dialog);
  });
  form.parentNode.insertBefore(note, form);
}

/** Back to the list of processes and into the same one again: Tasklist reads the (now empty) saved form anew. */
function reopenForm(dialog) {
  const title = dialog.querySelector('.modal-header .modal-title')?.textContent || '';
  const name = title.substring(title.indexOf(':') + 1).trim();
  const back = [...dialog.querySelectorAll('.modal-footer button')].find(b => /back/i.test(b.textContent));
  back?.click();
  const again = setInterval(() => {
    const link = [...document.querySelectorAll('.modal ul.processes a')].find(a => a.textContent.trim() === name);
    if (link) {
      clearInterval(again);
      link.click();
    }
  }, 100);
  setTimeout(() => clearInterval(again), 10_000);
}

/**
 * A start dialog opened: while it lists the processes, the user's draft waits where Tasklist reads a
 * saved start form (anyone else's is removed); once a form is shown, filled from it, it is taken away
 * again and the form says it holds the draft. A form shown empty although the user has a draft (Tasklist
 * reopens the dialog straight on the form after a reload, from the page's address, and a process can be
 * chosen before the user is known) is opened once more through the list, which fills it.
 */
async function dialogOpened(modal) {
  touched = false;
  userOfDialog = signedIn;
  let reopened = false;
  // Whether the form shown has been looked at for the draft: once, when it shows (or when the user is
  // known), not again as it changes (a draft saved by Close or Back is for the next dialog).
  let formChecked = false;
  localStorage.removeItem(TASKLIST_SAVE);
  const watch = () => {
    if (modal.querySelector('ul.processes')) {
      formChecked = false;
      const draft = userOfDialog && localStorage.getItem(TASKLIST_SAVE) === null && storedDraft(userOfDialog);
      if (draft) {
        localStorage.setItem(TASKLIST_SAVE, JSON.stringify(draft.data));
      }
      return;
    }
    const dialog = startDialog();
    if (!dialog || formChecked || !userOfDialog) {
      return;
    }
    formChecked = true;
    if (localStorage.getItem(TASKLIST_SAVE) !== null) {
      localStorage.removeItem(TASKLIST_SAVE);
      const draft = storedDraft(userOfDialog);
      if (draft) {
        offerDraft(dialog, draft);
      }
    } else if (!reopened && !touched && storedDraft(userOfDialog)) {
      reopened = true;
      reopenForm(dialog);
    }
  };
  new MutationObserver(watch).observe(modal, {childList: true, subtree: true});
  const user = await currentUser();
  if (user !== userOfDialog) {
    // Not the user the page knew (still unknown, or signed in since): nothing of another's may stay
    // where Tasklist reads it, nor fill the form.
    localStorage.removeItem(TASKLIST_SAVE);
    const another = userOfDialog && startDialog()?.querySelector('.imr-draft');
    userOfDialog = signedIn = user;
    if (another) {
      reopened = true;
      reopenForm(startDialog());
    }
  }
  watch();
}

// ---------------------------------------------------------------- the answers of a start

function showStarted(caseNumber) {
  document.querySelectorAll('.imr-case-started').forEach(node => node.remove());
  const close = el('button', {type: 'button', class: 'imr-close', 'aria-label': 'Close'}, '\u00d7');
  const notice = el('div', {class: 'imr-case-started', role: 'status'},
    caseNumber
      ? ['Case ', el('strong', {class: 'imr-case-number'}, caseNumber), ' is registered.',
        el('a', {href: `${siteRoot()}/case.html?number=${encodeURIComponent(caseNumber)}`, target: '_blank', rel: 'noopener'},
          'Open the case page'),
        el('a', {href: `${siteRoot()}/registered-today.html`, target: '_blank', rel: 'noopener'}, 'Cases I registered today')]
      : ['The application is registered; its case number is in ',
        el('a', {href: `${siteRoot()}/registered-today.html`, target: '_blank', rel: 'noopener'}, 'the cases I registered today')],
    close);
  close.addEventListener('click', () => notice.remove());
  document.body.appendChild(notice);
}

/** "Disputed treatment 2: Request (RFA) date" and "must not be in the future" read as one sentence. */
function sentence(problem) {
  const label = problem.label || problem.field;
  return /^(is|are|must|has|have|does|do|cannot|can|should|was|were)\b/.test(problem.problem)
    ? `${label} ${problem.problem}` : `${label}: ${problem.problem}`;
}

/** The form's component id of each field path of the intake API ("employee.name", "disputedItem2.requestDate"). */
function componentIds(components, prefix = '', ids = {}) {
  for (const component of components || []) {
    const path = component.path ? (prefix ? prefix + '.' : '') + component.path : prefix;
    if (component.key) {
      ids[(prefix ? prefix + '.' : '') + component.key] = component.id;
    }
    if (component.path) {
      ids[path] = component.id;
    }
    componentIds(component.components, path, ids);
  }
  return ids;
}

function formPath(field) {
  return field.replace(/^variables\./, '')
    .replace(/^disputedItems\[(\d+)]/, (_, index) => 'disputedItem' + (Number(index) + 1))
    .replace(/^disputedItems$/, 'disputedTreatmentCount');
}

function fieldElement(dialog, componentId) {
  if (!componentId) {
    return null;
  }
  const input = [...dialog.querySelectorAll('[id]')].find(node =>
    node.id.endsWith('-' + componentId) || node.id.includes('-' + componentId + '-'));
  return input?.closest('.fjs-form-field') || null;
}

function clearProblems(dialog, {banners}) {
  dialog.querySelectorAll('.imr-field-error, .imr-start-problems').forEach(node => node.remove());
  if (banners) {
    // Tasklist's banners of earlier tries, closed as their own close button closes them.
    dialog.querySelectorAll('[notifications-panel] .alert .close').forEach(button => button.click());
  }
}

async function showRefusal(definitionUrl, body) {
  const dialog = startDialog();
  const problems = Array.isArray(body?.errors) ? body.errors : [];
  if (!dialog || !problems.length) {
    return;
  }
  let ids = {};
  try {
    const form = await fetch(definitionUrl + '/deployed-start-form', {credentials: 'same-origin'});
    ids = form.ok ? componentIds((await form.json()).components) : {};
  } catch (error) {
    ids = {};
  }
  clearProblems(dialog, {banners: false});
  const unplaced = [];
  let first = null;
  for (const problem of problems) {
    const field = fieldElement(dialog, ids[formPath(problem.field || '')]);
    const message = el('div', {class: 'imr-field-error', role: 'alert'}, sentence(problem));
    if (field) {
      field.appendChild(message);
      first = first || field;
    } else {
      unplaced.push(sentence(problem));
    }
  }
  const body0 = dialog.querySelector('.modal-body .fjs-form');
  if (unplaced.length && body0) {
    const list = el('div', {class: 'imr-start-problems', role: 'alert'}, 'The application cannot be registered:',
      el('ul', {}, unplaced.map(text => el('li', {}, text))));
    body0.parentNode.insertBefore(list, body0);
    first = first || list;
  }
  first?.scrollIntoView({block: 'center'});
  // A date field opens its calendar on focus, over the messages: the focus goes to other fields only.
  if (!first?.classList.contains('fjs-form-field-datetime')) {
    first?.querySelector('input, textarea')?.focus({preventScroll: true});
  }
}

/** A supervisor's remand order recorded: the case it reopened, with its page, where the new review shows. */
function showRemandRecorded(caseNumber) {
  document.querySelectorAll('.imr-case-started').forEach(node => node.remove());
  const close = el('button', {type: 'button', class: 'imr-close', 'aria-label': 'Close'}, '\u00d7');
  const notice = el('div', {class: 'imr-case-started', role: 'status'},
    'Remand of case ', el('strong', {class: 'imr-case-number'}, caseNumber || ''), ' recorded: its new review is under way.',
    el('a', {href: `${siteRoot()}/case.html?number=${encodeURIComponent(caseNumber || '')}`, target: '_blank', rel: 'noopener'},
      'Open the case page'),
    close);
  close.addEventListener('click', () => notice.remove());
  document.body.appendChild(notice);
}

/** The value of a start's variable in the JSON Tasklist sends ({"variables": {name: {value}}}). */
function sentVariable(sent, name) {
  try {
    return JSON.parse(sent).variables?.[name]?.value;
  } catch (error) {
    return undefined;
  }
}

function answered(url, status, text, sent) {
  let body = null;
  try {
    body = JSON.parse(text);
  } catch (error) {
    body = null;
  }
  const definition = decodeURIComponent(url.match(SUBMIT)?.[1] || '');
  if (status >= 200 && status < 300) {
    if (userOfDialog) {
      discardDraft(userOfDialog);
    }
    touched = false;
    if (definition === REMAND_PROCESS || definition.startsWith(REMAND_PROCESS + ':')) {
      showRemandRecorded(String(sentVariable(sent, 'orderCaseNumber') || '').trim());
    } else {
      showStarted(body?.businessKey);
    }
  } else if (status === 400) {
    showRefusal(url.replace(/\/submit-form$/, ''), body);
  }
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const path = String(url).split('?')[0];
  if (String(method).toUpperCase() === 'POST' && SUBMIT.test(path)) {
    this.addEventListener('load', () => answered(path, this.status, this.responseText, this.imrSent));
  }
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (body) {
  this.imrSent = typeof body === 'string' ? body : undefined;
  return send.call(this, body);
};

// ---------------------------------------------------------------- the dialog's keys and clicks

document.addEventListener('keydown', event => {
  // Marked as handled, the key no longer closes the dialog (ui-bootstrap's modal leaves an event
  // handled before it alone). form-js's select ignores Esc: its list stays open until an option or
  // something else is clicked.
  if (event.key === 'Escape' && startDialog() && event.target.closest?.('.modal')) {
    event.preventDefault();
  }
}, true);

// Only what the user does makes the form a draft: the date picker (flatpickr) sends input and change
// events of its own whenever form-js sets a date field, as it does when the form renders.
const byTheUser = event => event.isTrusted && event.target.closest?.('.modal .fjs-form');
document.addEventListener('input', event => {
  if (byTheUser(event)) {
    touched = true;
  }
}, true);
document.addEventListener('change', event => {
  if (byTheUser(event)) {
    touched = true;
  }
}, true);
// form-js's lists take a choice without an input event.
document.addEventListener('mousedown', event => {
  if (byTheUser(event) && event.target.closest('.fjs-dropdownlist-item')) {
    touched = true;
  }
}, true);
document.addEventListener('keydown', event => {
  if (byTheUser(event) && event.key === 'Enter' && event.target.closest('.fjs-form-field-select')) {
    touched = true;
  }
}, true);

document.addEventListener('click', event => {
  const dialog = startDialog();
  if (!dialog) {
    return;
  }
  const button = event.target.closest?.('.modal-footer button');
  if (button && /close|back/i.test(button.textContent)) {
    saveDraft();
  } else if (button && /start/i.test(button.textContent)) {
    clearProblems(dialog, {banners: true});
    // A field form-js itself refused (a required one left empty) is scrolled to, not left off-screen.
    setTimeout(() => dialog.querySelector('.fjs-has-errors')?.scrollIntoView({block: 'center'}), 300);
  } else if (event.target.classList?.contains('modal')) {
    saveDraft();
  }
}, true);

window.addEventListener('pagehide', saveDraft);

new MutationObserver(records => {
  for (const record of records) {
    record.addedNodes.forEach(node => {
      if (node.nodeType === 1 && node.classList.contains('modal')) {
        dialogOpened(node);
      }
    });
  }
}).observe(document.body, {childList: true});

// ---------------------------------------------------------------- the task list's order

// Tasklist writes this sorting into the address when it finds none, often before this script has run.
const TASKLIST_DEFAULT_SORTING = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
let sortingChosenByUser = false;
document.addEventListener('click', event => {
  if (event.target.closest && event.target.closest('[cam-sorting-choices]')) {
    sortingChosenByUser = true;
  }
}, true);

/**
 * Unless the user has chosen a sorting in the list's header, the list is shown (and its header named)
 * by due date, the filters' order, also where Tasklist has already put its own default in the address.
 */
function sortByDueDate() {
  const hash = location.hash || '#/';
  const [route, query = ''] = hash.substring(1).split('?');
  if (route !== '/' && route !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  const unchosen = !params.has('sorting') || (!sortingChosenByUser && params.get('sorting') === TASKLIST_DEFAULT_SORTING);
  if (unchosen) {
    params.set('sorting', JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));
    location.replace('#/?' + params.toString());
  }
}
window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();

document.head.appendChild(el('style', {}, STYLE));

export default {
  id: 'imr-registered-today',
  pluginPoint: 'tasklist.navbar.action',
  priority: 40,
  render: node => {
    node.appendChild(el('a', {href: siteRoot() + '/registered-today.html', target: '_blank', rel: 'noopener',
      class: 'imr-registered-today-link', title: 'The cases you registered today, each with its case page'},
    'Registered today'));
  }
};
