// The security console: reads the audit API with a pasted bearer token and checks each trail entry's
// inclusion proof in the browser (WebCrypto SHA-256, RFC 9162) against the latest signed checkpoint.
'use strict';

const TOKEN_KEY = 'sluice.audit.token';
const $ = (id) => document.getElementById(id);

async function api(path, accept = 'application/json') {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: accept },
  });
  if (response.status === 401 || response.status === 403) {
    throw new Error(response.status === 401 ? 'the token is not valid' : 'the token lacks the security-analyst role');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || 'HTTP ' + response.status);
  }
  return accept === 'application/json' ? response.json() : response.text();
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) td.className = className;
  return td;
}

// ---- RFC 9162 in the browser ----

const b64ToBytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const bytesToB64 = (bytes) => btoa(String.fromCharCode(...bytes));

async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) { joined.set(p, offset); offset += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}
const leafHash = (entry) => sha256(Uint8Array.of(0), entry);
const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

// RFC 8785 for Sluice's JSON (strings, integers, booleans, null): members sorted by UTF-16 code units,
// strings escaped as ECMAScript's JSON.stringify does.
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

// RFC 9162 section 2.1.3.2
async function rootFromInclusionProof(index, size, leaf, proof) {
  if (index >= size) throw new Error('index outside the tree');
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) throw new Error('proof too long');
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  if (sn !== 0n) throw new Error('proof too short');
  return r;
}

const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

async function checkEntry(index, checkpoint) {
  const entry = await api('/api/v1/audit/entries/' + index);
  const leaf = await leafHash(new TextEncoder().encode(canonical(entry.event)));
  if (bytesToB64(leaf) !== entry.leafHash) return ['FAILED: entry does not hash to its leaf', 'failed'];
  if (!checkpoint || index >= checkpoint.treeSize) return ['pending: no checkpoint covers it yet', 'pending'];
  const proof = await api('/api/v1/audit/proofs/inclusion?index=' + index + '&treeSize=' + checkpoint.treeSize);
  const root = await rootFromInclusionProof(index, checkpoint.treeSize, leaf, proof.proof.map(b64ToBytes));
  return sameBytes(root, b64ToBytes(checkpoint.rootHash))
    ? ['verified in checkpoint ' + checkpoint.treeSize, 'verified']
    : ['FAILED: proof does not lead to the signed root', 'failed'];
}

// ---- panels ----

let latestCheckpoint = null;

async function loadCheckpoint() {
  try {
    latestCheckpoint = await api('/api/v1/audit/checkpoints/latest');
    $('checkpoint').textContent = 'Latest signed checkpoint: ' + latestCheckpoint.treeSize + ' entries, root '
      + latestCheckpoint.rootHash + ', signed ' + latestCheckpoint.timestamp + ' by ' + latestCheckpoint.keyId;
  } catch (e) {
    latestCheckpoint = null;
    $('checkpoint').textContent = 'No checkpoint yet.';
  }
}

async function loadCounts() {
  const report = await api('/api/v1/reports/transparency');
  const counts = $('counts');
  counts.replaceChildren();
  const add = (label, value, id) => {
    const dt = document.createElement('dt'); dt.textContent = label;
    const dd = document.createElement('dd'); dd.textContent = String(value); dd.dataset.testid = id;
    counts.append(dt, dd);
  };
  add('decisions', report.decisions.total, 'count-decisions');
  for (const [outcome, n] of Object.entries(report.decisions.byOutcome)) add(outcome, n, 'count-outcome-' + outcome);
  add('appeals filed', report.appeals.filed, 'count-appeals');
  add('security alerts', report.incidents.total, 'count-alerts');
}

// titles of the alert rules: /public/alert-rules.js, loaded before this script
const ruleTitle = (rule) => ALERT_RULE_TITLES[rule] || rule;

async function loadAlerts() {
  const body = $('alerts').tBodies[0];
  body.replaceChildren();
  for (const a of await api('/api/v1/audit/alerts?limit=50')) {
    const row = body.insertRow();
    row.dataset.testid = 'alert-row';
    row.dataset.rule = a.rule;
    cell(row, a.severity, 'severity-' + a.severity);
    const rule = cell(row, ruleTitle(a.rule));
    rule.title = a.rule;
    rule.dataset.testid = 'alert-rule';
    cell(row, a.summary);
    cell(row, a.windowEnd);
    cell(row, a.evidence.join(', '));
  }
}

async function loadDecisions() {
  const body = $('recent-decisions').tBodies[0];
  body.replaceChildren();
  const page = await api('/api/v1/audit/entries?type=TransferDecided&order=desc&limit=20');
  for (const e of page.entries) {
    const row = body.insertRow();
    row.dataset.testid = 'decision-row';
    cell(row, e.index);
    cell(row, e.time);
    cell(row, e.transferId);
    cell(row, e.outcome);
    cell(row, e.country);
    cell(row, e.reasonCodes.join(' '));
  }
}

async function loadTrail(event) {
  event.preventDefault();
  const id = $('trail-transfer-id').value.trim();
  const body = $('trail').tBodies[0];
  body.replaceChildren();
  $('trail-summary').textContent = '';
  if (!id) return;
  await loadCheckpoint();
  let trail;
  try {
    trail = await api('/api/v1/audit/transfers/' + encodeURIComponent(id));
  } catch (e) {
    $('trail-summary').textContent = 'No trail: ' + e.message;
    return;
  }
  let verified = 0;
  for (const e of trail.entries) {
    const row = body.insertRow();
    row.dataset.testid = 'trail-row';
    row.dataset.index = e.index;
    cell(row, e.index);
    cell(row, e.time);
    cell(row, e.type);
    cell(row, e.actor.id);
    const status = cell(row, 'checking...');
    status.dataset.testid = 'proof-status';
    try {
      const [text, cls] = await checkEntry(e.index, latestCheckpoint);
      status.textContent = text;
      status.className = cls;
      status.dataset.result = cls;
      if (cls === 'verified') verified++;
    } catch (err) {
      status.textContent = 'FAILED: ' + err.message;
      status.className = 'failed';
      status.dataset.result = 'failed';
    }
  }
  $('trail-summary').textContent = trail.entries.length + ' entries, ' + verified + ' proven in the signed log';
}

async function loadReport() {
  $('report-frame').srcdoc = await api('/api/v1/reports/transparency', 'text/html');
}

// Who the pasted token names (its payload, unverified: the service verifies it on every call).
function principalOf(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.upn || payload.preferred_username || payload.sub || '';
  } catch (e) {
    return '';
  }
}

async function showConsole() {
  $('signed-in-as').textContent = 'signed in as ' + principalOf(sessionStorage.getItem(TOKEN_KEY));
  $('sign-in-panel').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  await Promise.all([loadCheckpoint(), loadCounts(), loadAlerts(), loadDecisions()]);
}

async function signIn() {
  const token = $('token-input').value.trim();
  $('sign-in-error').textContent = '';
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  try {
    await showConsole();
    $('token-input').value = '';
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('console').hidden = true;
    $('sign-in-panel').hidden = false;
    $('sign-in-error').textContent = 'Cannot sign in: ' + e.message;
  }
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('trail-form').addEventListener('submit', loadTrail);
  $('report-load').addEventListener('click', loadReport);
  if (sessionStorage.getItem(TOKEN_KEY)) showConsole().catch(signOut);
});
