// The case file: a case's documents, one of them paged through, and for intake the upload of scanned
// mail. Opened from the records check, the clinical summary and each item decision in Tasklist, with
// the webapps' session (same origin). PDFs are drawn by pdf.js, which fetches only the byte ranges a
// page needs; TIFF, JPEG and PNG pages come from the server as pictures, one page at a time. Every page
// shown is recorded by the server for the supervisors' accounting of disclosures.
import * as pdfjs from '/webjars/pdfjs-dist/4.10.38/build/pdf.min.mjs';

const PDFJS = '/webjars/pdfjs-dist/4.10.38';
pdfjs.GlobalWorkerOptions.workerSrc = PDFJS + '/build/pdf.worker.min.mjs';

// Marks the requests as the case-file page's own: the server then counts the webapps' session for
// them (uploads, pages viewed) and records content reads as the viewer's, not as downloads.
const OWN = {'X-IMR-Page': 'case-file'};
const SENDERS = {
  CLAIMS_ADMINISTRATOR: 'Claims administrator',
  EMPLOYEE: 'Employee',
  REPRESENTATIVE: "Employee's representative",
  PHYSICIAN: 'Physician',
  OTHER: 'Other'
};
const DAY = new Intl.DateTimeFormat('en-US', {month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC'});

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
const caseNumber = params.get('case');
const state = {documents: [], open: null, page: 1, pdf: null, rendering: null};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => value !== undefined && node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function day(iso) {
  return iso ? DAY.format(new Date(iso + 'T00:00:00Z')) : '';
}

function say(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

async function api(path, options = {}) {
  const response = await fetch(path, {...options, headers: {...OWN, Accept: 'application/json', ...options.headers}});
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (response.status === 401) {
    throw new Error('Log in to Tasklist first, then open this page again from a task.');
  }
  if (!response.ok) {
    const errors = (body?.errors || []).map(e => `${e.field} ${e.problem}`);
    const error = new Error(errors.length > 1 ? errors.join('; ') : body?.detail || `The server answered ${response.status}`);
    error.problems = errors;
    throw error;
  }
  return body;
}

// ---------------------------------------------------------------- the list

async function load() {
  const file = await api(`/api/cases/${encodeURIComponent(caseNumber)}/documents`);
  state.documents = file.documents;
  $('case-number').textContent = file.caseNumber + (file.open ? '' : ' (closed)');
  $('totals').textContent = `${file.documentsOnFile} documents, ${file.pagesOnFile} pages`;
  $('document-list').replaceChildren(...file.documents.map(d => el('tr', {'data-document': d.id},
    el('td', {}, d.stored
      ? el('a', {href: d.viewer, 'data-open': d.id}, d.title)
      : el('span', {title: 'Described by intake; the file was not received'}, d.title + ' (described only)'),
    d.author ? el('div', {class: 'muted'}, d.author + (d.dateOfService ? ', ' + day(d.dateOfService) : '')) : ''),
    el('td', {}, SENDERS[d.sender] || ''),
    el('td', {}, day(d.dateReceived)),
    el('td', {class: 'number'}, d.pages))));
  $('document-list').querySelectorAll('a[data-open]').forEach(link => link.addEventListener('click', event => {
    event.preventDefault();
    open(Number(link.dataset.open), 1);
  }));
  $('upload').hidden = !file.mayAdd;
  $('max-files').textContent = file.maxFiles;
  $('case-file').hidden = false;
}

// ---------------------------------------------------------------- the viewer

/** pdf.js asks for the byte ranges it needs; they come from the content endpoint with the session. */
class RangeTransport extends pdfjs.PDFDataRangeTransport {
  constructor(url, length) {
    super(length, null);
    this.url = url;
  }

  requestDataRange(begin, end) {
    fetch(this.url, {headers: {...OWN, Range: `bytes=${begin}-${end - 1}`}})
      .then(response => {
        if (!response.ok) {
          throw new Error(`content answered ${response.status}`);
        }
        return response.arrayBuffer();
      })
      .then(bytes => this.onDataRange(begin, new Uint8Array(bytes)))
      .catch(error => say('The document could not be read: ' + error.message));
  }
}

async function open(documentId, page) {
  const chosen = state.documents.find(d => d.id === documentId && d.stored);
  if (!chosen) {
    say('The case has no stored document ' + documentId);
    return;
  }
  const started = performance.now();
  document.body.dataset.firstPage = '';
  state.pdf?.destroy();
  state.pdf = null;
  state.open = chosen;
  document.querySelectorAll('tr.open').forEach(row => row.classList.remove('open'));
  document.querySelector(`tr[data-document="${documentId}"]`)?.classList.add('open');
  $('viewer-title').textContent = chosen.title;
  $('page-count').textContent = chosen.pages;
  $('page-number').max = chosen.pages;
  $('download').href = chosen.content;
  $('pager').hidden = false;
  history.replaceState(null, '', `?case=${encodeURIComponent(caseNumber)}&document=${documentId}`);
  if (chosen.mediaType === 'application/pdf') {
    state.pdf = await pdfjs.getDocument({
      range: new RangeTransport(chosen.content, chosen.bytes),
      rangeChunkSize: 65536,
      disableAutoFetch: true,
      disableStream: true,
      isEvalSupported: false,
      enableXfa: false,
      cMapUrl: PDFJS + '/cmaps/',
      cMapPacked: true,
      standardFontDataUrl: PDFJS + '/standard_fonts/'
    }).promise;
  }
  await show(page);
  // The browser test reads how long the first page took to appear.
  document.body.dataset.firstPage = String(Math.round(performance.now() - started));
}

async function show(page) {
  const chosen = state.open;
  page = Math.min(Math.max(1, page), chosen.pages);
  state.page = page;
  $('page-number').value = page;
  $('previous').disabled = page === 1;
  $('next').disabled = page === chosen.pages;
  if (chosen.mediaType === 'application/pdf') {
    $('image-page').hidden = true;
    const pdfPage = await state.pdf.getPage(page);
    const width = $('page-area').clientWidth - 24;
    const scale = Math.min(2, width / pdfPage.getViewport({scale: 1}).width);
    const viewport = pdfPage.getViewport({scale: scale * window.devicePixelRatio});
    const canvas = $('pdf-page');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.style.width = viewport.width / window.devicePixelRatio + 'px';
    state.rendering?.cancel();
    state.rendering = pdfPage.render({canvasContext: canvas.getContext('2d'), viewport});
    try {
      await state.rendering.promise;
    } catch (cancelled) {
      return;
    }
    canvas.hidden = false;
    canvas.dataset.page = page;
    // pdf.js draws in the browser, so the page tells the server which page was shown.
    await api(`/api/cases/${encodeURIComponent(caseNumber)}/documents/${chosen.id}/views`, {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({page})
    });
  } else {
    $('pdf-page').hidden = true;
    const image = $('image-page');
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('the page could not be shown'));
      image.src = `/api/cases/${encodeURIComponent(caseNumber)}/documents/${chosen.id}/pages/${page}`;
    });
    image.hidden = false;
    image.dataset.page = page;
  }
}

$('previous').addEventListener('click', () => show(state.page - 1));
$('next').addEventListener('click', () => show(state.page + 1));
$('page-number').addEventListener('change', () => show(Number($('page-number').value)));

// ---------------------------------------------------------------- upload (intake)

function uploadRow(file, index) {
  // Today where the cases are kept (California), as the server checks "not in the future"; UTC runs a day ahead each evening.
  const today = new Intl.DateTimeFormat('en-CA', {timeZone: 'America/Los_Angeles'}).format(new Date());
  const title = file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ');
  const sender = el('select', {name: 'sender', required: ''},
    ...Object.entries(SENDERS).map(([value, label]) => el('option', {value}, label)));
  return el('div', {class: 'upload-row', 'data-index': index},
    el('div', {class: 'file'}, file.name, el('span', {class: 'muted'}, ` (${(file.size / 1048576).toFixed(1)} MB)`)),
    el('label', {class: 'wide'}, 'Title', el('input', {name: 'title', required: '', maxlength: 300, value: title})),
    el('label', {}, 'From', sender),
    el('label', {}, 'Date received', el('input', {name: 'dateReceived', type: 'date', required: '', value: today, max: today})),
    el('label', {}, 'Author (optional)', el('input', {name: 'author', maxlength: 200})),
    el('label', {}, 'Date of service (optional)', el('input', {name: 'dateOfService', type: 'date', max: today})));
}

$('upload-files').addEventListener('change', () => {
  const files = [...$('upload-files').files];
  $('upload-rows').replaceChildren(...files.map(uploadRow));
  $('upload-submit').disabled = files.length === 0;
  $('upload-result').hidden = true;
});

$('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const files = [...$('upload-files').files];
  const documents = [...$('upload-rows').children].map(row => {
    const value = name => row.querySelector(`[name=${name}]`).value.trim() || undefined;
    return {sender: value('sender'), dateReceived: value('dateReceived'), title: value('title'),
      author: value('author'), dateOfService: value('dateOfService')};
  });
  const body = new FormData();
  body.append('metadata', new Blob([JSON.stringify({documents})], {type: 'application/json'}), 'metadata.json');
  files.forEach(file => body.append('files', file, file.name));
  const result = $('upload-result');
  $('upload-submit').disabled = true;
  try {
    const receipt = await api(`/api/cases/${encodeURIComponent(caseNumber)}/documents`, {method: 'POST', body});
    result.className = 'result ok';
    result.replaceChildren(...receipt.files.map(f => el('div', {},
      `${f.file}: ${f.outcome === 'STORED' ? 'added' : 'already on file'}, ${f.pages} pages`)));
    $('upload-files').value = '';
    $('upload-rows').replaceChildren();
    await load();
  } catch (error) {
    result.className = 'result refused';
    result.replaceChildren(el('div', {}, 'Nothing was added.'),
      ...(error.problems?.length ? error.problems : [error.message]).map(p => el('div', {}, p)));
    $('upload-submit').disabled = false;
  }
  result.hidden = false;
});

// ---------------------------------------------------------------- start

async function start() {
  if (!caseNumber) {
    $('find-case').hidden = false;
    return;
  }
  try {
    await load();
    const wanted = Number(params.get('document'));
    const first = state.documents.find(d => d.id === wanted && d.stored);
    if (first) {
      await open(first.id, Number(params.get('page')) || 1);
    }
  } catch (error) {
    say(error.message);
  }
}

start();
