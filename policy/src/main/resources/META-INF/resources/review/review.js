// The reviewer console: the review API with a pasted bearer token. No state of its own; the server
// enforces every rule (four-eyes, separation of duties, escalation), the page only shows its answers.
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
  if (sessionStorage.getItem(TOKEN_KEY)) {
    loadQueue(true).then(showSignedIn).catch(() => sessionStorage.removeItem(TOKEN_KEY));
  }
});
