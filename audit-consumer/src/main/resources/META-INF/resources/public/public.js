// The public transparency page: figures and criteria from this service's public API (no token), charts
// drawn by Apache ECharts (served from its web jar), each chart followed by a table of the same figures.
'use strict';

const $ = (id) => document.getElementById(id);

const OUTCOMES = {
  APPROVE: 'Approved',
  APPROVE_WITH_CONDITIONS: 'Approved with conditions',
  REVIEW: 'Sent to human review',
  DENY: 'Denied',
};
const CATEGORIES = {
  HUMAN_INDIVIDUAL: 'Individual-level human genomic data',
  HUMAN_AGGREGATE: 'Aggregate human data (summary statistics)',
  PATHOGEN_OF_CONCERN: 'Pathogen sequences of concern',
  SYNTHETIC_CONSTRUCT: 'Synthetic genetic constructs',
  NON_HUMAN: 'Other organisms, reference genomes',
  DERIVED_NON_IDENTIFIABLE: 'Derived, non-identifiable results',
  UNKNOWN: 'Not recorded',
};
const LICENCE_OUTCOMES = {
  GRANTED: 'Granted',
  REFUSED: 'Refused',
  WITHDRAWN: 'Withdrawn by the applicant',
};
const TIMELINESS = {
  ON_TIME: 'On time',
  LATE: 'Late',
};
const alertTitle = (rule) => (typeof ALERT_RULE_TITLES !== 'undefined' && ALERT_RULE_TITLES[rule]) || rule;

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (body.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
    throw new Error(fields || body.detail || 'HTTP ' + response.status);
  }
  return body;
}

// A count is a number or, when suppressed, a label such as "<5" or "withheld".
const countText = (count) => (typeof count === 'number' ? count.toLocaleString('en') : String(count));

function humanDuration(seconds) {
  if (seconds === null || seconds === undefined) return 'not shown';
  if (seconds < 120) return seconds + ' s';
  if (seconds < 7200) return (seconds / 60).toFixed(1) + ' min';
  if (seconds < 172800) return (seconds / 3600).toFixed(1) + ' h';
  return (seconds / 86400).toFixed(1) + ' days';
}

function setCount(element, count) {
  element.textContent = countText(count);
  element.dataset.count = String(count);
}

// ---- the period ----

function periodQuery() {
  const period = $('period-select').value;
  if (period === 'months') {
    return new URLSearchParams({ from: $('period-from').value, to: $('period-to').value });
  }
  return new URLSearchParams({ period });
}

function restorePeriod() {
  const query = new URLSearchParams(location.search);
  if (query.has('from') || query.has('to')) {
    $('period-select').value = 'months';
    $('period-from').value = query.get('from') || '';
    $('period-to').value = query.get('to') || '';
  } else if (query.has('period')) {
    $('period-select').value = query.get('period');
  }
  $('months').hidden = $('period-select').value !== 'months';
}

function describePeriod(p) {
  const last = new Date(Date.parse(p.to) - 1).toISOString().slice(0, 10);
  const first = p.from.slice(0, 10);
  return p.name === 'all' ? 'Everything recorded up to ' + last + ' (UTC).' : 'From ' + first + ' to ' + last + ' (UTC, both days included).';
}

// ---- charts and tables ----

const charts = new Map();

function drawChart(id, cells, label) {
  const element = $(id);
  const shown = cells.filter((c) => typeof c.count === 'number');
  let chart = charts.get(id);
  if (shown.length === 0) {
    if (chart) { chart.dispose(); charts.delete(id); }
    element.classList.add('empty');
    element.replaceChildren(Object.assign(document.createElement('p'), {
      className: 'none',
      textContent: cells.length ? 'Every count here is suppressed; the table lists them.' : 'Nothing recorded in this period.',
    }));
    element.dataset.drawn = 'empty';
    return;
  }
  element.classList.remove('empty');
  if (!chart) {
    element.replaceChildren();
    chart = echarts.init(element, null, { renderer: 'svg' });
    charts.set(id, chart);
  }
  const names = shown.map((c) => label(c.key)).reverse();
  chart.setOption({
    aria: { enabled: true },
    animation: false,
    color: ['#1f5aa6'],
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    // no value axis numbers: every number drawn is a published count on its bar
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { lineStyle: { color: '#e3e8ee' } } },
    yAxis: { type: 'category', data: names, axisLabel: { color: '#1d2733', fontSize: 13 } },
    series: [{
      type: 'bar',
      data: shown.map((c) => c.count).reverse(),
      label: { show: true, position: 'right', color: '#1d2733', fontSize: 13 },
      barMaxWidth: 22,
    }],
    tooltip: { trigger: 'item' },
  }, true);
  element.style.height = Math.max(6, 2.2 * shown.length + 2) + 'rem';
  chart.resize();
  element.dataset.drawn = 'true';
}

function fillTable(id, cells, label) {
  const body = $(id).tBodies[0];
  body.replaceChildren();
  if (cells.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = 2;
    td.className = 'none';
    td.textContent = 'none in this period';
    return;
  }
  for (const c of cells) {
    const row = body.insertRow();
    row.dataset.testid = 'figure-row';
    row.dataset.key = c.key;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = label(c.key);
    row.append(name);
    const count = row.insertCell();
    count.className = 'count';
    count.dataset.testid = 'count';
    setCount(count, c.count);
  }
}

function show(id, cells, label) {
  drawChart('chart-' + id, cells, label);
  fillTable('table-' + id, cells, label);
}

function showTurnaround(id, t) {
  const row = $(id).cells;
  setCount(row[1], t.cases);
  row[2].textContent = humanDuration(t.medianSeconds);
  row[3].textContent = humanDuration(t.p90Seconds);
}

// the share late is published only when every count it is made of is shown
function lateShare(l) {
  if (l.latePercent !== null && l.latePercent !== undefined) return l.latePercent + '% decided late.';
  return l.byTimeliness.length ? 'the share late is not shown, as some of these counts are suppressed or withheld.' : 'none in this period.';
}

function render(f) {
  $('period-text').textContent = describePeriod(f.period);
  $('suppression').textContent = 'A count below ' + f.minCount + ' is shown as "<' + f.minCount + '". When a list has exactly'
    + ' one such count, its next-smallest count is shown as "withheld", so the small one cannot be worked out from'
    + ' the total. A turnaround over fewer than ' + f.minCount + ' cases is not shown.';
  setCount($('decisions-total'), f.decisions.total);
  show('outcome', f.decisions.byOutcome, (k) => OUTCOMES[k] || k);
  show('category', f.decisions.byCategory, (k) => CATEGORIES[k] || k);
  show('region', f.decisions.byRegion, (k) => k);
  showTurnaround('review-turnaround', f.reviewTurnaround);
  showTurnaround('licence-turnaround', f.licences.turnaround);
  setCount($('licences-decided'), f.licences.decided);
  show('licence-outcome', f.licences.byOutcome, (k) => LICENCE_OUTCOMES[k] || k);
  show('licence-timeliness', f.licences.byTimeliness, (k) => TIMELINESS[k] || k);
  $('licence-late-share').textContent = lateShare(f.licences);
  setCount($('appeals-filed'), f.appeals.filed);
  setCount($('appeals-decided'), f.appeals.decided);
  show('appeals', f.appeals.byOutcome, (k) => OUTCOMES[k] || k);
  setCount($('alerts-total'), f.alerts.total);
  show('alerts', f.alerts.byRule, alertTitle);
  document.body.dataset.figures = 'loaded';
}

async function loadFigures() {
  const query = periodQuery();
  $('download-json').href = '/api/v1/public/figures?' + query;
  $('download-csv').href = '/api/v1/public/figures.csv?' + query;
  history.replaceState(null, '', '?' + query);
  try {
    const figures = await getJson('/api/v1/public/figures?' + query);
    $('figures-error').hidden = true;
    render(figures);
  } catch (e) {
    $('figures-error').textContent = 'The figures could not be shown: ' + e.message;
    $('figures-error').hidden = false;
  }
}

// ---- the criteria ----

// an instant as a person reads it: 2026-12-07 03:38 UTC
const when = (instant) => (instant ? instant.slice(0, 10) + ' ' + instant.slice(11, 16) + ' UTC' : 'not recorded');

function cellText(row, text) {
  const td = row.insertCell();
  td.textContent = text || '';
  return td;
}

async function loadCriteria() {
  try {
    const c = await getJson('/api/v1/public/criteria');
    const a = c.active;
    $('criteria-active').textContent = 'In force: policy bundle "' + a.bundleId + '" version ' + a.version
      + (a.activatedAt ? ', since ' + a.activatedAt.slice(0, 10) : '') + ', content digest ' + a.digest
      + '. Every decision records the digest of the bundle it was made under.';
    const rules = $('criteria-rules').tBodies[0];
    rules.replaceChildren();
    for (const r of c.rules) {
      const row = rules.insertRow();
      row.dataset.testid = 'criteria-rule';
      row.dataset.ruleId = r.id;
      const name = document.createElement('th');
      name.scope = 'row';
      name.append(Object.assign(document.createElement('strong'), { textContent: r.title }), document.createElement('br'),
        Object.assign(document.createElement('code'), { textContent: r.id }));
      row.append(name);
      cellText(row, r.citation).dataset.testid = 'citation';
      cellText(row, r.explanation).dataset.testid = 'explanation';
    }
    const historyBody = $('criteria-history').tBodies[0];
    historyBody.replaceChildren();
    for (const v of c.history) {
      const row = historyBody.insertRow();
      row.dataset.testid = 'criteria-activation';
      cellText(row, when(v.activatedAt));
      cellText(row, v.bundleId + ' ' + v.version);
      row.insertCell().append(Object.assign(document.createElement('code'), { textContent: v.digest }));
    }
    $('criteria-error').hidden = true;
    $('criteria').dataset.loaded = 'true';
  } catch (e) {
    $('criteria-error').textContent = 'The criteria could not be shown right now: ' + e.message;
    $('criteria-error').hidden = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  restorePeriod();
  $('period-select').addEventListener('change', () => {
    $('months').hidden = $('period-select').value !== 'months';
    if ($('period-select').value !== 'months') loadFigures();
  });
  $('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadFigures();
  });
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  loadFigures();
  loadCriteria();
});
