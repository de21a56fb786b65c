// Cockpit SLA dashboard for supervisors: open IMR cases by stage and SLA status, the cases closest
// to (or furthest past) their statutory deadline with links to the instance, the average age
// from complete records to letter, and the Division's monthly figures of a chosen month. Data:
// GET /api/sla/summary and GET /api/reports/monthly of the application, read with the Cockpit
// session (same origin). Plain DOM, no framework: Cockpit gives a plugin a node to fill.

import {cockpitPage, contextPath, el} from '../../imr-cockpit-page.js';

// The colours of the SLA statuses; their words, and those of the stages and deadlines, come with the
// summary (summary.labels), from the one place the application keeps them.
const STATUS = {
  ON_TRACK: {color: '#2e7d32', background: '#e8f5e9'},
  AT_RISK: {color: '#a15c00', background: '#fff4e0'},
  BREACHED: {color: '#c62828', background: '#fdecea'}
};

const STYLE = `
.imr-sla { padding: 20px 28px; font-size: 14px; color: #222; max-width: 1200px; }
.imr-sla h2 { font-size: 22px; margin: 0 0 4px; }
.imr-sla h3 { font-size: 16px; margin: 26px 0 8px; }
.imr-sla .imr-sla-asof { color: #666; margin-bottom: 16px; }
.imr-sla .imr-sla-tiles { display: flex; gap: 14px; flex-wrap: wrap; }
.imr-sla .imr-sla-tile { flex: 1 1 150px; border-radius: 6px; padding: 12px 16px; border: 1px solid #ddd; text-decoration: none; display: block; }
.imr-sla .imr-sla-tile .imr-sla-number { font-size: 32px; font-weight: 600; line-height: 1.1; }
.imr-sla .imr-sla-tile .imr-sla-caption { font-size: 13px; }
.imr-sla table { border-collapse: collapse; width: 100%; background: #fff; }
.imr-sla th, .imr-sla td { border-bottom: 1px solid #e3e3e3; padding: 6px 10px; text-align: left; white-space: nowrap; }
.imr-sla th { background: #f5f5f5; font-weight: 600; }
.imr-sla td.imr-sla-num, .imr-sla th.imr-sla-num { text-align: right; }
.imr-sla .imr-sla-badge { border-radius: 10px; padding: 1px 9px; font-size: 12px; font-weight: 600; }
.imr-sla .imr-sla-note { color: #555; font-size: 13px; margin-top: 8px; }
.imr-sla .imr-sla-error { color: #c62828; }
`;

async function loadSummary() {
  const response = await fetch(contextPath() + '/api/sla/summary', {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    throw new Error(response.status === 403
      ? 'The SLA figures are for supervisors and administrators.'
      : 'The SLA summary could not be loaded (HTTP ' + response.status + ').');
  }
  return response.json();
}

// Cockpit's own instance search on the case process, filtered on a process variable.
function instanceSearch(summary, name, value) {
  const query = JSON.stringify([{type: 'variables', operator: 'eq', value, name}]);
  return '#/process-definition/' + encodeURIComponent(summary.processDefinitionId) +
    '/runtime?searchQuery=' + encodeURIComponent(query);
}

function label(summary, kind, code) {
  return summary.labels[kind][code] || code;
}

function badge(summary, status) {
  const look = STATUS[status] || {color: '#333', background: '#eee'};
  return el('span', {class: 'imr-sla-badge', style: {color: look.color, background: look.background}},
    label(summary, 'slaStatuses', status));
}

function timeLeft(hours) {
  const late = hours < 0;
  const total = Math.abs(hours);
  const text = total >= 48 ? Math.floor(total / 24) + ' d ' + (total % 24) + ' h' : total + ' h';
  return late ? 'late by ' + text : text;
}

function dateTime(iso) {
  return new Date(iso).toLocaleString('en-US', {
    timeZone: 'America/Los_Angeles', year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit'
  });
}

function dollars(amount) {
  return '$' + Number(amount).toLocaleString('en-US');
}

function tiles(summary) {
  return el('div', {class: 'imr-sla-tiles'},
    Object.keys(STATUS).map(status => el('a', {
      class: 'imr-sla-tile',
      href: instanceSearch(summary, 'slaStatus', status),
      title: 'Find these cases in Cockpit (variable slaStatus = ' + status + ')',
      style: {color: STATUS[status].color, background: STATUS[status].background}
    },
    el('div', {class: 'imr-sla-number', 'data-status': status}, summary.bySlaStatus[status] || 0),
    el('div', {class: 'imr-sla-caption'}, label(summary, 'slaStatuses', status)))),
    el('div', {class: 'imr-sla-tile', style: {color: '#333', background: '#f7f7f7'}},
      el('div', {class: 'imr-sla-number'}, summary.openCases),
      el('div', {class: 'imr-sla-caption'}, 'Open cases')),
    el('div', {class: 'imr-sla-tile', style: {color: '#333', background: '#f7f7f7'}},
      el('div', {class: 'imr-sla-number'}, dollars(summary.lateRecordsPenaltyOpenCases)),
      el('div', {class: 'imr-sla-caption'}, 'Late-records penalties accrued, open cases')));
}

function stageTable(summary) {
  const rows = summary.byStage.map(row => el('tr', {},
    el('td', {}, label(summary, 'stages', row.stage)),
    el('td', {class: 'imr-sla-num'}, row.onTrack),
    el('td', {class: 'imr-sla-num'}, row.atRisk),
    el('td', {class: 'imr-sla-num'}, row.breached),
    el('td', {class: 'imr-sla-num'}, el('strong', {}, row.total))));
  return el('table', {class: 'imr-sla-stages'},
    el('thead', {}, el('tr', {},
      el('th', {}, 'Stage'),
      Object.keys(STATUS).map(status => el('th', {class: 'imr-sla-num'}, label(summary, 'slaStatuses', status))),
      el('th', {class: 'imr-sla-num'}, 'Total'))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', {colspan: '5'}, 'No open cases'))));
}

function closestTable(summary) {
  const rows = summary.closestToDeadline.map(item => el('tr', {},
    el('td', {}, el('a', {href: '#/process-instance/' + encodeURIComponent(item.processInstanceId) + '/runtime',
      title: 'Open the case in Cockpit'}, item.caseNumber)),
    el('td', {}, badge(summary, item.slaStatus)),
    el('td', {}, label(summary, 'stages', item.stage)),
    el('td', {}, label(summary, 'deadlines', item.deadline)),
    el('td', {}, dateTime(item.dueAt)),
    el('td', {class: 'imr-sla-num', style: {color: item.hoursLeft < 0 ? STATUS.BREACHED.color : 'inherit'}},
      timeLeft(item.hoursLeft)),
    el('td', {}, item.expedited ? 'Expedited' : 'Regular'),
    el('td', {class: 'imr-sla-num'}, item.lateRecordsPenalty ? dollars(item.lateRecordsPenalty) : '')));
  return el('table', {class: 'imr-sla-closest'},
    el('thead', {}, el('tr', {},
      el('th', {}, 'Case'), el('th', {}, 'SLA'), el('th', {}, 'Stage'), el('th', {}, 'Deadline running'),
      el('th', {}, 'Due (California time)'), el('th', {class: 'imr-sla-num'}, 'Time left'), el('th', {}, 'Review'),
      el('th', {class: 'imr-sla-num'}, 'Penalty'))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', {colspan: '8'}, 'No open cases'))));
}

function age(summary) {
  const a = summary.determinationAge;
  const average = a.averageDaysFromCompleteRecordsToLetter;
  return el('p', {class: 'imr-sla-age'},
    el('strong', {}, average == null ? 'No letters' : average.toFixed(1) + ' days'),
    average == null ? ' issued in the last ' + a.windowDays + ' days.'
      : ' on average from complete records to letter, over ' + a.lettersIssued +
        (a.lettersIssued === 1 ? ' letter' : ' letters') + ' issued in the last ' + a.windowDays + ' days (' +
        a.issuedLate + ' late).');
}

const FIGURES = {
  applications_received: 'Applications received',
  eligible: 'Eligible',
  ineligible: 'Ineligible',
  ineligible_by_reason: 'Ineligible, by reason',
  letters_issued: 'Letters issued',
  letters_by_outcome: 'Letters by outcome',
  letters_by_category: 'Letters by treatment category',
  average_days_from_assigned: 'Average age from date assigned (days)',
  median_days_from_assigned: 'Median age from date assigned (days)',
  average_days_from_complete_records: 'Average age from complete records (days)',
  median_days_from_complete_records: 'Median age from complete records (days)',
  late_determinations: 'Late determinations',
  late_records: 'Late records'
};

function currentMonth() {
  return new Date().toLocaleDateString('en-CA', {timeZone: 'America/Los_Angeles'}).substring(0, 7);
}

function monthlyUrl(month) {
  return contextPath() + '/api/reports/monthly?month=' + encodeURIComponent(month);
}

async function loadMonthly(month) {
  const response = await fetch(monthlyUrl(month), {credentials: 'same-origin', headers: {Accept: 'text/csv'}});
  if (!response.ok) {
    throw new Error('The monthly figures could not be loaded (HTTP ' + response.status + ').');
  }
  return (await response.text()).trim().split('\n').slice(1).map(line => {
    const [figure, group, outcome, value] = line.split(',');
    return {figure, group, outcome, value};
  });
}

// The figures of the month chosen (this month at first), as the CSV the Division receives gives them.
function monthlySection() {
  const input = el('input', {type: 'month', class: 'imr-sla-month', value: currentMonth()});
  const download = el('a', {class: 'imr-sla-download'}, 'Download CSV');
  const body = el('div', {});
  async function show() {
    const month = input.value || currentMonth();
    download.setAttribute('href', monthlyUrl(month));
    body.replaceChildren();
    try {
      const rows = (await loadMonthly(month)).map(row => el('tr', {'data-figure': row.figure},
        el('td', {}, FIGURES[row.figure] || row.figure),
        el('td', {}, [row.group, row.outcome].filter(Boolean).join(' \u00b7 ')),
        el('td', {class: 'imr-sla-num'}, row.value === '' ? '\u2013' : row.value)));
      body.appendChild(el('table', {class: 'imr-sla-monthly'},
        el('thead', {}, el('tr', {}, el('th', {}, 'Figure'), el('th', {}, 'Breakdown'),
          el('th', {class: 'imr-sla-num'}, 'Value'))),
        el('tbody', {}, rows)));
    } catch (error) {
      body.appendChild(el('p', {class: 'imr-sla-error'}, error.message));
    }
  }
  input.addEventListener('change', show);
  show();
  return el('div', {}, el('p', {}, 'Month: ', input, ' ', download), body);
}

async function renderDashboard(node) {
  node.appendChild(el('style', {}, STYLE));
  const root = el('div', {class: 'imr-sla'}, el('h2', {}, 'Deadlines and SLAs'));
  node.appendChild(root);
  try {
    const summary = await loadSummary();
    root.append(
      el('div', {class: 'imr-sla-asof'}, 'Open IMR cases as of ' + dateTime(summary.asOf) +
        '. SLA status is that of the deadline running now: the records (D6) while the claims administrator owes them, then the determination (D8).'),
      tiles(summary),
      el('h3', {}, 'Open cases by stage and SLA status'),
      stageTable(summary),
      el('h3', {}, 'Closest to their deadline'),
      closestTable(summary),
      el('h3', {}, 'Average age from complete records to letter'),
      age(summary),
      el('h3', {}, 'The Division\'s monthly figures'),
      monthlySection(),
      el('p', {class: 'imr-sla-note'},
        'To find cases yourself: Processes \u203a IMR case \u203a add a Variable criterion (slaStatus = BREACHED, ' +
        'stage = AWAITING_RECORDS, expedited = true) or search the Business Key for a case number.'));
  } catch (error) {
    root.appendChild(el('p', {class: 'imr-sla-error'}, error.message));
  }
}

// One summary for the menu entry and the start page's tile of a page load.
let shared = null;
function sharedSummary() {
  shared = shared || loadSummary();
  shared.catch(() => { shared = null; });
  return shared;
}

/** The SLA menu entry, shown only to those who may read the figures (an analyst would find the page empty). */
async function renderDashboardTile(node) {
  node.appendChild(el('style', {}, STYLE));
  const root = el('div', {class: 'imr-sla', style: {padding: '0 0 10px'}});
  node.appendChild(root);
  try {
    const summary = await sharedSummary();
    root.append(el('h3', {style: {margin: '0 0 8px'}}, el('a', {href: '#/sla'}, 'IMR deadlines and SLAs \u203a')), tiles(summary));
  } catch (error) {
    // Only supervisors and administrators see SLA figures; others read why the panel holds none.
    root.appendChild(el('p', {class: 'imr-sla-note imr-sla-no-access'}, error.message));
  }
}

export default [
  ...cockpitPage({
    id: 'imr-sla',
    routeId: 'imr-sla-dashboard',
    label: 'SLA',
    path: '/sla',
    priority: 60,
    // Only supervisors and administrators get SLA figures; the menu entry is theirs.
    allowed: () => sharedSummary().then(() => true),
    renderPage: renderDashboard
  }),
  {
    id: 'imr-sla-dashboard-tile',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => { renderDashboardTile(node); }
  }
];
