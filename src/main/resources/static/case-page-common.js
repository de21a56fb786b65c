// What the case page and the case search share: building the page's elements, calling the API with
// the webapps' session (same origin) and saying what went wrong, and the words for the codes.

export const $ = id => document.getElementById(id);

const CALIFORNIA = new Intl.DateTimeFormat('en-US', {
  month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit',
  timeZone: 'America/Los_Angeles', timeZoneName: 'short'
});
const DAY = new Intl.DateTimeFormat('en-US', {month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC'});

/** An instant as a California clock reads it ("Dec 7, 2026, 12:03 PM PST"). */
export function california(iso) {
  return iso ? CALIFORNIA.format(new Date(iso)) : '';
}

/** A calendar date (yyyy-mm-dd) as staff write it. */
export function day(iso) {
  return iso ? DAY.format(new Date(iso + 'T00:00:00Z')) : '';
}

/** A code in words: UPHELD -> "Upheld". */
export function words(code) {
  if (!code) {
    return '';
  }
  const text = code.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => value !== undefined && value !== null
    && node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

export function say(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

export async function api(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (response.status === 401) {
    throw new Error('Log in to Tasklist first, then open this page again.');
  }
  if (!response.ok) {
    const errors = (body?.errors || []).map(e => `${e.label || e.field}: ${e.problem}`);
    throw new Error(errors.length ? errors.join('; ') : body?.detail || `The server answered ${response.status}`);
  }
  return body;
}

/**
 * The words for a case's codes as the server gives them (GET /api/case-labels), the same the SLA
 * dashboard in Cockpit shows: {stages, statuses, slaStatuses, deadlines, specialties, treatmentCategories},
 * each by code. Without a
 * session there are none; the page's own call says why.
 */
export const LABELS = await api('/api/case-labels')
  .catch(() => ({stages: {}, statuses: {}, slaStatuses: {}, deadlines: {}, specialties: {}, treatmentCategories: {}}));

/** A code of one kind in the server's words, e.g. label('stages', c.stage); a code it has none for, in plain words. */
export function label(kind, code) {
  return LABELS[kind][code] || words(code);
}
