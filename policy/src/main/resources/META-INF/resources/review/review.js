// The reviewer console: the review API with a pasted bearer token. No state of its own; the server
// enforces every rule (four-eyes, separation of duties, escalation), the page only shows its answers.
//
// Stable hooks for browser tests (ids; data-testid carries the same name):
//   views: #view-cases, #view-applications (buttons), #cases-view, #applications-view (containers)
//   licence applications: #applications-status, #applications-load, #applications (table; rows
//     [data-testid=application-row][data-application-id], each with [data-testid=open-application]),
//     #application-id + #application-open (open one by id), #application (detail),
//     dd[data-testid=application-<fact>] in #application-summary (e.g. application-status,
//     application-risk, application-expected-by, application-licence), #application-status (the status),
//     #application-blocking, #application-votes, #application-waiting (lists),
//     #application-vote-approve / #application-vote-deny (radios), #application-justification,
//     #terms-valid-from, #terms-valid-until, #terms-quota-bytes, #terms-quota-transfers, #terms-psv,
//     #terms-verification-days, #terms-conditions, #application-vote-submit, #application-vote-error;
//     terms as people read them (validity, quota, post-shipment verification, then a list of conditions):
//     dd[data-testid=application-granted-terms] and, in a vote's item, [data-testid=vote-terms], each
//     with its conditions in ul[data-testid=terms-conditions-list];
//     #status (role=status) says what the last action came to.
'use strict';

const TOKEN_KEY = 'sluice.review.token';
const $ = (id) => document.getElementById(id);
let current = null; // the open case id
let next = null; // the queue's next cursor

function say(text) {
  $('status').textContent = text;
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers: Object.assign(
      { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'application/json' },
      options.body ? { 'Content-Type': 'application/json' } : {}),
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  if (response.status === 401) throw new Error('the token is not valid');
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (body.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
    throw new Error((body.detail || 'HTTP ' + response.status) + (fields ? ' (' + fields + ')' : ''));
  }
  return body;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  return td;
}

function li(list, text) {
  const item = document.createElement('li');
  item.textContent = text;
  list.appendChild(item);
  return item;
}

function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch (e) {
    return {};
  }
}

// ---- sign in

async function signIn() {
  const token = $('token-input').value.trim();
  $('sign-in-error').textContent = '';
  sessionStorage.setItem(TOKEN_KEY, token);
  try {
    await loadQueue(true);
    showSignedIn();
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('sign-in-error').textContent = 'Sign-in failed: ' + e.message;
  }
}

function showSignedIn() {
  const c = claims(sessionStorage.getItem(TOKEN_KEY));
  const who = c.upn || c.preferred_username || c.sub || 'unknown';
  $('signed-in-as').textContent = 'Signed in as ' + who + ' (' + (c.groups || []).join(', ') + ')';
  $('sign-in-panel').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('queue-heading').focus();
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
}

// ---- queue

async function loadQueue(fresh) {
  const form = new FormData($('queue-filters'));
  const params = new URLSearchParams();
  for (const [key, value] of form.entries()) if (value) params.set(key, value);
  params.set('limit', '50');
  if (!fresh && next) params.set('after', next);
  const page = await api('/api/v1/reviews?' + params);
  const body = $('queue').tBodies[0];
  if (fresh) body.replaceChildren();
  for (const c of page.items) {
    const row = body.insertRow();
    row.dataset.testid = 'queue-row';
    row.dataset.reviewId = c.reviewId;
    row.dataset.transferId = c.transferId;
    cell(row, c.deadline + (c.escalated ? ' (escalated)' : ''));
    cell(row, c.risk + (c.requiredVotes > 1 ? ' (four-eyes)' : ''));
    cell(row, c.kind);
    cell(row, c.transferId);
    cell(row, c.category);
    cell(row, c.destinationCountry);
    cell(row, c.codes.join(', '));
    cell(row, c.claimedBy || '');
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open';
    open.setAttribute('aria-label', 'Open case of transfer ' + c.transferId);
    open.dataset.testid = 'open-case';
    open.addEventListener('click', () => openCase(c.reviewId).catch((e) => say('Could not open the case: ' + e.message)));
    row.insertCell().appendChild(open);
  }
  next = page.next;
  $('queue-more').hidden = !next;
  say(body.rows.length + ' open case(s) listed.');
}

// ---- one case

async function openCase(reviewId, focus = true) {
  const d = await api('/api/v1/reviews/' + encodeURIComponent(reviewId));
  current = reviewId;
  const c = d.reviewCase;
  const summary = $('case-summary');
  summary.replaceChildren();
  const facts = [
    ['case', c.reviewId], ['transfer', c.transferId], ['kind', c.kind], ['status', c.status],
    ['risk', c.risk + ', ' + c.requiredVotes + ' approving vote(s) needed' + (c.seniorRequired ? ', one senior' : '')],
    ['institution', c.institutionId], ['destination', c.partnerId + ' (' + c.destinationCountry + ')'],
    ['category', c.category], ['deadline', c.deadline + (c.escalated ? ' (escalated to senior reviewers)' : '')],
    ['claimed by', c.claimedBy || 'nobody'], ['time in review', d.timeInReview],
  ];
  if (c.statement) facts.push(['appeal statement', c.statement]);
  if (c.excludedReviewers.length) facts.push(['may not decide', c.excludedReviewers.join(', ')]);
  for (const [k, v] of facts) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dd.dataset.testid = 'case-' + k.replace(/ /g, '-');
    summary.append(dt, dd);
  }
  const reasons = $('case-reasons');
  reasons.replaceChildren();
  for (const r of d.reasons) {
    li(reasons, r.code + ' (' + r.effect + '): ' + r.explanation
      + (r.evidence.length ? ' [' + r.evidence.map((e) => e.kind + ' ' + e.id + (e.detail ? ': ' + e.detail : '')).join('; ') + ']' : ''));
  }
  const hits = $('case-hits');
  hits.replaceChildren();
  if (!d.screening.length) li(hits, 'none');
  for (const h of d.screening) {
    li(hits, h.matchClass + ' ' + h.entryId + ': "' + h.screenedName + '" ~ "' + h.listedName + '" score ' + h.score + ' (' + h.role + ')');
  }
  $('case-request').textContent = JSON.stringify(d.request, null, 2);
  const votes = $('case-votes');
  votes.replaceChildren();
  if (!d.votes.length) li(votes, 'none yet');
  for (const v of d.votes) li(votes, v.reviewer + (v.senior ? ' (senior)' : '') + ': ' + v.vote + ' - ' + v.justification);
  $('case').hidden = false;
  $('case-heading').textContent = 'Case of transfer ' + c.transferId;
  if (focus) {
    $('case-heading').focus();
    say('Case ' + c.reviewId + ' opened.');
  }
}

async function act(what, path, body) {
  if (!current) return;
  try {
    const c = await api('/api/v1/reviews/' + encodeURIComponent(current) + path, { method: 'POST', body: body || {} });
    await loadQueue(true);
    await openCase(current, false);
    say(what + ': case ' + c.reviewId + ' is ' + c.status + (c.claimedBy ? ', claimed by ' + c.claimedBy : '') + '.');
    return c;
  } catch (e) {
    say(what + ' refused: ' + e.message);
    throw e;
  }
}

async function decide(event) {
  event.preventDefault();
  $('decision-error').textContent = '';
  const vote = document.querySelector('input[name=vote]:checked');
  const justification = $('justification').value;
  if (!vote) {
    $('decision-error').textContent = 'Choose approve or deny.';
    return;
  }
  const conditions = $('conditions').value.split('\n').map((s) => s.trim()).filter((s) => s)
    .map((description) => ({ code: 'REVIEW_CONDITION', description }));
  try {
    const c = await act('Decision', '/decision', { vote: vote.value, justification, conditions });
    $('justification').value = '';
    $('conditions').value = '';
    say('Decision recorded: case ' + c.reviewId + ' is ' + c.status + (c.outcome ? ' (' + c.outcome + ')' : '') + '.');
  } catch (e) {
    $('decision-error').textContent = e.message;
  }
}

// ---- views

function showView(applications) {
  $('cases-view').hidden = applications;
  $('applications-view').hidden = !applications;
  $('view-cases').setAttribute('aria-pressed', String(!applications));
  $('view-applications').setAttribute('aria-pressed', String(applications));
  if (applications) {
    $('applications-heading').focus();
    loadApplications(true).catch((e) => say('Could not load the applications: ' + e.message));
  } else {
    $('queue-heading').focus();
  }
}

// ---- licence applications

let currentApplication = null; // the open application id
let applicationsNext = null;

function markers(a) {
  const m = [];
  if (a.escalated) m.push('escalated');
  if (a.late) m.push('late');
  if (a.blockingReasons && a.blockingReasons.length) m.push('blocked');
  return m;
}

async function loadApplications(fresh) {
  const params = new URLSearchParams();
  const status = $('applications-status').value;
  if (status) params.set('status', status);
  params.set('limit', '50');
  if (!fresh && applicationsNext) params.set('after', applicationsNext);
  const page = await api('/api/v1/licence-applications?' + params);
  const body = $('applications').tBodies[0];
  if (fresh) body.replaceChildren();
  for (const a of page.items) {
    const row = body.insertRow();
    row.dataset.testid = 'application-row';
    row.dataset.applicationId = a.applicationId;
    row.dataset.status = a.status;
    cell(row, a.expectedBy);
    cell(row, a.risk + (a.requiredVotes > 1 ? ' (four-eyes)' : ''));
    cell(row, a.status);
    const m = markers(a);
    const td = cell(row, m.join(', '), m.length ? 'escalated' : '');
    td.dataset.testid = 'application-markers';
    cell(row, a.institutionId);
    cell(row, (a.partnerId ? a.partnerId + ' ' : '') + '(' + a.destinationCountry + ')');
    cell(row, a.categories.join(', '));
    cell(row, a.licenceId);
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'Open';
    open.setAttribute('aria-label', 'Open application ' + a.applicationId);
    open.dataset.testid = 'open-application';
    open.addEventListener('click', () => openApplication(a.applicationId)
      .catch((e) => say('Could not open the application: ' + e.message)));
    row.insertCell().appendChild(open);
  }
  applicationsNext = page.next;
  $('applications-more').hidden = !applicationsNext;
  say(body.rows.length + ' licence application(s) listed.');
}

// A size as people read it, in binary units: 10000000000 is 9.3 GiB.
function bytes(n) {
  if (n < 1024) return n + (n === 1 ? ' byte' : ' bytes');
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = n;
  let u = -1;
  do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
  return v.toFixed(1) + ' ' + units[u];
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

const given = (v) => v !== null && v !== undefined && v !== '';

// Terms (granted, or proposed by a vote) as people read them: validity, quota, post-shipment verification,
// then the conditions as a list. What the terms leave out is not mentioned.
function termsView(t, testid) {
  const parts = [];
  if (given(t.validFrom) && given(t.validUntil)) parts.push('valid ' + t.validFrom + ' to ' + t.validUntil);
  else if (given(t.validFrom)) parts.push('valid from ' + t.validFrom);
  else if (given(t.validUntil)) parts.push('valid until ' + t.validUntil);
  const quota = [];
  if (given(t.quotaBytes)) quota.push(bytes(t.quotaBytes));
  if (given(t.quotaTransfers)) quota.push(plural(t.quotaTransfers, 'transfer', 'transfers'));
  if (quota.length) parts.push('quota ' + quota.join(' in '));
  if (t.postShipmentVerification) {
    parts.push('post-shipment verification'
      + (given(t.verificationDays) ? ' within ' + plural(t.verificationDays, 'day', 'days') : ''));
  }
  const view = document.createElement('div');
  if (testid) view.dataset.testid = testid;
  view.textContent = parts.join('; ');
  const conditions = (t.conditions || []).filter(given);
  if (conditions.length) {
    const list = document.createElement('ul');
    list.dataset.testid = 'terms-conditions-list';
    list.setAttribute('aria-label', 'Conditions');
    for (const c of conditions) li(list, c);
    view.append(parts.length ? '; conditions:' : 'conditions:', list);
  }
  return view;
}

function fillTerms(t) {
  $('terms-valid-from').value = t.validFrom || '';
  $('terms-valid-until').value = t.validUntil || '';
  $('terms-quota-bytes').value = t.quotaBytes === null || t.quotaBytes === undefined ? '' : String(t.quotaBytes);
  $('terms-quota-transfers').value = t.quotaTransfers === null || t.quotaTransfers === undefined ? '' : String(t.quotaTransfers);
  $('terms-psv').checked = !!t.postShipmentVerification;
  $('terms-verification-days').value = t.verificationDays ? String(t.verificationDays) : '';
  $('terms-conditions').value = (t.conditions || []).join('\n');
}

function readTerms() {
  const number = (id) => {
    const v = $(id).value.trim();
    return v === '' ? null : Number(v);
  };
  const terms = {
    validFrom: $('terms-valid-from').value || null,
    validUntil: $('terms-valid-until').value || null,
    quotaBytes: number('terms-quota-bytes'),
    quotaTransfers: number('terms-quota-transfers'),
    postShipmentVerification: $('terms-psv').checked,
    conditions: $('terms-conditions').value.split('\n').map((s) => s.trim()).filter((s) => s),
  };
  const days = number('terms-verification-days');
  if (days !== null) terms.verificationDays = days;
  return terms;
}

async function openApplication(applicationId, focus = true) {
  const a = await api('/api/v1/licence-applications/' + encodeURIComponent(applicationId));
  currentApplication = a.applicationId;
  const summary = $('application-summary');
  summary.replaceChildren();
  const facts = [
    ['id', a.applicationId], ['status', a.status], ['licence', a.licenceId],
    ['risk', a.risk + ', ' + a.requiredVotes + ' approving vote(s) needed' + (a.risk === 'HIGH' ? ', one senior' : '')],
    ['institution', a.institutionId + ' (applied by ' + a.appliedBy + ')'],
    ['destination', (a.partnerId ? a.partnerId + ' ' : '') + '(' + a.destinationCountry + ')'],
    ['categories', a.categories.join(', ')],
    ['purpose', a.purpose.duo + (a.purpose.disease ? ' ' + a.purpose.disease : '')
      + (a.purpose.commercial ? ', commercial' : '') + ': ' + a.purpose.description],
    ['end users', a.endUsers.map((u) => u.name + ', ' + u.organisation + ' (' + u.country + ')').join('; ')],
    ['applied for', a.validFrom + ' to ' + a.validUntil + ', quota ' + (given(a.quotaBytes) ? bytes(a.quotaBytes) : 'no byte limit')
      + ', ' + (given(a.quotaTransfers) ? plural(a.quotaTransfers, 'transfer', 'transfers') : 'no transfer limit')],
    ['applied at', a.appliedAt], ['expected by', a.expectedBy + (a.escalated ? ' (escalated to senior reviewers)' : '')],
    ['late', a.late ? 'yes' : 'no'], ['time taken', a.timeTaken],
  ];
  if (a.decidedAt) facts.push(['decided at', a.decidedAt]);
  if (a.terms) facts.push(['granted terms', termsView(a.terms)]);
  if (a.reasons.length) facts.push(['reasons', a.reasons.join('; ')]);
  for (const [k, v] of facts) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    if (v instanceof Node) dd.append(v);
    else dd.textContent = v;
    dd.dataset.testid = 'application-' + k.replace(/ /g, '-');
    if (k === 'status') dd.id = 'application-status';
    if ((k === 'late' && a.late) || (k === 'expected by' && a.escalated)) dd.className = 'late';
    summary.append(dt, dd);
  }
  const blocking = $('application-blocking');
  blocking.replaceChildren();
  if (!a.blockingReasons.length) li(blocking, 'none');
  for (const r of a.blockingReasons) {
    li(blocking, r.code + ': ' + r.explanation
      + (r.evidence.length ? ' [' + r.evidence.map((e) => e.kind + ' ' + e.id + (e.detail ? ': ' + e.detail : '')).join('; ') + ']' : ''))
      .dataset.code = r.code;
  }
  const votes = $('application-votes');
  votes.replaceChildren();
  if (!a.votes.length) li(votes, 'none yet');
  for (const v of a.votes) {
    const item = li(votes, v.officer + (v.senior ? ' (senior)' : '') + ': ' + v.vote + ' - ' + v.justification);
    item.dataset.officer = v.officer;
    if (v.terms) item.append(' - terms: ', termsView(v.terms, 'vote-terms'));
  }
  const waiting = $('application-waiting');
  waiting.replaceChildren();
  if (!a.waitingTransfers.length) li(waiting, 'none');
  for (const t of a.waitingTransfers) li(waiting, t).dataset.transferId = t;
  const standing = a.votes.find((v) => v.vote === 'APPROVE' && v.terms);
  fillTerms(a.terms || (standing && standing.terms) || {
    validFrom: a.validFrom, validUntil: a.validUntil, quotaBytes: a.quotaBytes, quotaTransfers: a.quotaTransfers,
  });
  $('application-vote-form').hidden = a.status !== 'PENDING';
  $('application').hidden = false;
  $('application-heading').textContent = 'Application ' + a.applicationId + ' (' + a.status + ')';
  if (focus) {
    $('application-heading').focus();
    say('Application ' + a.applicationId + ' opened: ' + a.status + '.');
  }
  return a;
}

async function voteOnApplication(event) {
  event.preventDefault();
  $('application-vote-error').textContent = '';
  const vote = document.querySelector('input[name=application-vote]:checked');
  if (!vote) {
    $('application-vote-error').textContent = 'Choose grant or refuse.';
    return;
  }
  const body = { vote: vote.value, justification: $('application-justification').value };
  if (vote.value === 'APPROVE') body.terms = readTerms();
  try {
    const a = await api('/api/v1/licence-applications/' + encodeURIComponent(currentApplication) + '/votes',
      { method: 'POST', body });
    $('application-justification').value = '';
    await openApplication(a.applicationId, false);
    await loadApplications(true);
    say('Vote recorded: application ' + a.applicationId + ' is ' + a.status
      + (a.status === 'GRANTED' ? ', licence ' + a.licenceId : '') + '.');
  } catch (e) {
    $('application-vote-error').textContent = e.message;
    say('Vote refused: ' + e.message);
  }
}

// ---- history

async function loadHistory() {
  const rows = await api('/api/v1/reviews/history');
  const body = $('history').tBodies[0];
  body.replaceChildren();
  for (const h of rows) {
    const row = body.insertRow();
    row.dataset.testid = 'history-row';
    row.dataset.reviewId = h.reviewId;
    cell(row, h.castAt);
    cell(row, h.reviewId);
    cell(row, h.transferId);
    cell(row, h.kind);
    cell(row, h.vote + (h.decisive ? ' (decisive)' : ''));
    cell(row, h.caseOutcome || 'open');
    cell(row, h.overridesEngineDeny ? 'yes' : 'no', h.overridesEngineDeny ? 'override' : '');
    cell(row, h.justification);
  }
  say(rows.length + ' decision(s) in your history.');
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('queue-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    loadQueue(true).catch((err) => say('Could not load the queue: ' + err.message));
  });
  $('queue-more').addEventListener('click', () => loadQueue(false).catch((err) => say(err.message)));
  $('claim').addEventListener('click', () => act('Claim', '/claim').catch(() => {}));
  $('release').addEventListener('click', () => act('Release', '/release').catch(() => {}));
  $('decision-form').addEventListener('submit', decide);
  $('history-load').addEventListener('click', () => loadHistory().catch((e) => say('Could not load the history: ' + e.message)));
  $('view-cases').addEventListener('click', () => showView(false));
  $('view-applications').addEventListener('click', () => showView(true));
  $('applications-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    loadApplications(true).catch((err) => say('Could not load the applications: ' + err.message));
  });
  $('applications-more').addEventListener('click', () => loadApplications(false).catch((err) => say(err.message)));
  $('application-find').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('application-id').value.trim();
    if (id) openApplication(id).catch((err) => say('Could not open application ' + id + ': ' + err.message));
  });
  $('application-vote-form').addEventListener('submit', voteOnApplication);
  if (sessionStorage.getItem(TOKEN_KEY)) {
    loadQueue(true).then(showSignedIn).catch(() => sessionStorage.removeItem(TOKEN_KEY));
  }
});
