// The submitter portal: the gateway's submitter API with a bearer token, pasted or from the OIDC provider
// configured for the portal (authorization code with PKCE; config.json says whether there is one). It keeps
// no state of its own; the gateway and policy enforce every rule, the page shows their answers where they
// belong.
//
// Stable element ids (browser tests and docs/api/gateway.md rely on them; keep them when changing the page).
// Each entry names a part of the page, then its ids; <...> is a placeholder, (...) what an element carries.
// The field error lines are <field id>-error, e.g. lic-valid-until-error.
//   sign in: token-input, sign-in, sign-in-error, oidc-sign-in, sign-in-oidc, signed-in-as, sign-out,
//     status (the page's live message)
//   request form: request-form, f-dataset-id, f-destination-partner, f-destination-country, f-licences,
//     f-<field>, eu-<n>-name, eu-<n>-organisation, eu-<n>-country, add-end-user, f-file,
//     payload-facts (data-sha256), form-errors, submit
//   precheck: precheck, precheck-outcome (data-outcome), precheck-reasons, checklist (li[data-item][data-state])
//   a transfer: transfer (data-state), transfer-state, timeline, upload-progress, upload-text, resume-file,
//     resume-upload, review, decision-outcome, decision-reasons, package, appeal-form, appeal-statement,
//     appeal-submit, appeal
//   transfer list: list-filters, filter-state, list-load, list-error, list-more,
//     transfer-list (rows tr[data-testid=transfer-row][data-transfer-id][data-state])
//   licence application form: licence-form, lic-country, lic-partner, lic-categories,
//     lic-cat-<CATEGORY> (a checkbox per category), lic-purpose-duo, lic-purpose-disease,
//     lic-purpose-commercial, lic-purpose-description, lic-eu-<n>-name, lic-eu-<n>-organisation,
//     lic-eu-<n>-country, lic-add-end-user, lic-quota-bytes, lic-quota-transfers, lic-valid-from,
//     lic-valid-until, lic-form-errors, lic-submit
//   one licence application: licence (data-application-id, data-licence-id, data-status), lic-status,
//     lic-markers (data-late, data-escalated), lic-licence-id, lic-applied-for, lic-risk, lic-expected,
//     lic-time-taken (data-duration, the ISO-8601 duration), lic-blocking, lic-terms, lic-reasons,
//     lic-waiting (buttons with data-transfer-id), lic-use, lic-refresh, lic-withdraw-form,
//     lic-withdraw-reason, lic-withdraw-submit, lic-withdraw-errors
//   licence applications list: lic-list-filters, lic-filter-status, lic-list-load, lic-list-error,
//     lic-list-more, licence-list (rows tr[data-testid=licence-row][data-application-id][data-licence-id]
//     [data-status], each with an open-licence button and, while PENDING or GRANTED, a use-licence button)
'use strict';

const TOKEN_KEY = 'sluice.portal.token';
const CHUNK_BYTES = 8 * 1024 * 1024;
const PRECHECK_DELAY_MS = 400;
const FINAL_STATES = ['ACKNOWLEDGED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN'];
const NEEDS = { // checklist item -> the reason codes saying it is missing or not good enough
  dsa: ['DSA_REQUIRED'],
  licence: ['LICENCE_REQUIRED', 'LICENCE_INVALID', 'LICENCE_QUOTA_EXCEEDED'],
  ethics: ['ETHICS_APPROVAL_REQUIRED'],
  consent: ['CONSENT_MISMATCH'],
};
const $ = (id) => document.getElementById(id);

const endUserRows = { 'end-users': 0, 'lic-end-users': 0 }; // rows added to each end-user list
let payload = null; // {file, sizeBytes, sha256 (null while hashing)}
let precheckTimer = null;
let precheckSeq = 0;
let current = null; // the transfer shown: {id, uploadUrl}
let stream = null; // the AbortController of the status stream
let listNext = null;
let licenceNext = null;
let licenceShown = null; // the application shown
let uploading = false; // an upload of this page is under way
const touched = new Set(); // the fields the submitter has changed: live errors are shown only there

function say(text) {
  $('status').textContent = text;
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function headers(extra) {
  return Object.assign({ Authorization: 'Bearer ' + token(), Accept: 'application/json' }, extra || {});
}

// An API error: its problem+json document (status, detail, errors[]) when it has one.
class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers: headers(Object.assign(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}, options.headers || {})),
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

function claims(jwt) {
  try {
    return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch (e) {
    return {};
  }
}

function bytes(n) {
  if (n < 1024) return n + ' B';
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = -1;
  do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
  return v.toFixed(1) + ' ' + units[u];
}

// ---- sign in

async function signIn() {
  await signInWith($('token-input').value.trim());
}

// Signs in with a token, pasted or from the OIDC provider: it is kept only if the gateway accepts it.
async function signInWith(jwt) {
  $('sign-in-error').textContent = '';
  sessionStorage.setItem(TOKEN_KEY, jwt);
  try {
    await loadList(true);
    showSignedIn();
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('sign-in-error').textContent = 'Sign-in failed: '
      + (e.status === 401 ? 'the token is not valid' : e.status === 403 ? 'the token is not a submitter\'s' : e.message);
  }
}

// ---- sign in through an OpenID Connect provider: authorization code with PKCE (S256), a public client

const OIDC_KEY = 'sluice.portal.oidc'; // {state, verifier} of the sign-in under way, this tab only
let oidc = null; // the provider, from config.json: {authorizationEndpoint, tokenEndpoint, clientId, scope}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

// Where the provider sends the browser back: the portal's directory (/portal/), however the page was opened.
function redirectUri() {
  return location.origin + location.pathname.replace(/[^/]*$/, '');
}

async function startOidc() {
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(OIDC_KEY, JSON.stringify({ state, verifier }));
  const url = new URL(oidc.authorizationEndpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  })) url.searchParams.set(k, v);
  location.assign(url.toString());
}

// Back from the provider with ?code&state (or ?error): exchanges the code for an access token and signs in
// with it. The query is removed from the address at once, so a reload does not reuse the code.
async function finishOidc(params) {
  history.replaceState(null, '', redirectUri());
  const pending = JSON.parse(sessionStorage.getItem(OIDC_KEY) || 'null');
  sessionStorage.removeItem(OIDC_KEY);
  if (params.get('error')) {
    $('sign-in-error').textContent = 'Sign-in failed at the provider: ' + params.get('error')
      + (params.get('error_description') ? ' (' + params.get('error_description') + ')' : '');
    return;
  }
  if (!pending || pending.state !== params.get('state')) {
    $('sign-in-error').textContent = 'Sign-in failed: the answer from the provider does not belong to a sign-in started in this tab; sign in again.';
    return;
  }
  const response = await fetch(oidc.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: pending.verifier,
    }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    $('sign-in-error').textContent = 'Sign-in failed: the provider did not issue a token ('
      + (answer.error_description || answer.error || 'HTTP ' + response.status) + ').';
    return;
  }
  await signInWith(answer.access_token);
}

// Reads how this gateway signs in; without OIDC configured only the pasted token is offered.
async function setUpSignIn() {
  const config = await fetch('config.json', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  oidc = config.oidc || null;
  $('oidc-sign-in').hidden = !oidc;
  const params = new URLSearchParams(location.search);
  if (oidc && (params.has('code') || params.has('error'))) {
    await finishOidc(params);
    return true;
  }
  return false;
}

function showSignedIn() {
  const c = claims(token());
  $('signed-in-as').textContent = 'Signed in as ' + (c.upn || c.preferred_username || c.sub || 'unknown')
    + (c.institution ? ' (' + c.institution + ')' : '');
  $('sign-in-panel').hidden = true;
  $('portal').hidden = false;
  $('sign-out').hidden = false;
  $('request-heading').focus();
  loadLicences(true).catch((e) => say('Cannot list licence applications: ' + e.message));
}

function signOut() {
  if (stream) stream.abort();
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
}

// ---- the request form

// Adds an end-user row to a list (the transfer form's end-users or the application's lic-end-users); the
// inputs' ids are <prefix>-<n>-<key>, their fields endUsers[<n>].<key>.
function addEndUser(rowsId = 'end-users') {
  const rows = $(rowsId);
  const i = endUserRows[rowsId]++;
  const row = el('div', null, { class: 'end-user', 'data-testid': rowsId === 'end-users' ? 'end-user' : 'lic-end-user' });
  for (const [key, label, extra] of [
    ['name', 'End user ' + (i + 1) + ': name *', {}],
    ['organisation', 'Organisation *', {}],
    ['country', 'Country *', { maxlength: '2', size: '3' }],
  ]) {
    const id = rows.dataset.rows + '-' + i + '-' + key;
    const box = el('div', null, { class: 'field' });
    box.append(el('label', label, { for: id }), el('input', null, Object.assign({ id, 'data-field': 'endUsers[' + i + '].' + key, required: '' }, extra)));
    row.appendChild(box);
  }
  rows.appendChild(row);
  decorateFields(row);
  return row;
}

// The end users of a list's rows; empty rows are left out except the first (so "required" is reported).
function endUsers(rowsId) {
  const prefix = $(rowsId).dataset.rows;
  const users = [];
  for (let i = 0; i < endUserRows[rowsId]; i++) {
    const u = { name: text(prefix + '-' + i + '-name'), organisation: text(prefix + '-' + i + '-organisation'), country: text(prefix + '-' + i + '-country') };
    if (u.name || u.organisation || u.country || i === 0) users.push(u);
  }
  return users;
}

function list(value) {
  return value.split(',').map((s) => s.trim()).filter((s) => s);
}

function text(id) {
  const v = $(id).value.trim();
  return v === '' ? null : v;
}

// The request contract from the form; an empty optional field is null, never "".
function request() {
  const subjects = $('f-dataset-subjects').value.trim();
  return {
    dataset: {
      id: text('f-dataset-id'), title: text('f-dataset-title'), category: text('f-dataset-category'),
      subjects: subjects === '' ? null : Number(subjects), format: text('f-dataset-format'),
      consent: { duo: list($('f-consent-duo').value), diseases: list($('f-consent-diseases').value), countries: list($('f-consent-countries').value) },
    },
    purpose: {
      duo: text('f-purpose-duo'), disease: text('f-purpose-disease'), commercial: $('f-purpose-commercial').checked,
      description: text('f-purpose-description'),
    },
    destination: { partnerId: text('f-destination-partner'), country: text('f-destination-country') },
    endUsers: endUsers('end-users'),
    licenceIds: list($('f-licences').value),
    dsaId: text('f-dsa'),
    ethicsApprovalId: text('f-ethics'),
    basis: $('f-basis').value,
    payload: payload ? { sizeBytes: payload.sizeBytes, sha256: payload.sha256 } : null,
  };
}

// Gives every field an error line it is described by, so a problem's errors[] can be shown where they belong.
function decorateFields(root) {
  for (const input of root.querySelectorAll('[data-field]')) {
    if (input.dataset.rows || input.dataset.errorId) continue;
    const errorId = input.id + '-error';
    input.dataset.errorId = errorId;
    input.setAttribute('aria-describedby', errorId);
    const p = el('p', null, { id: errorId, class: 'field-error', 'data-testid': 'field-error', 'data-for': input.dataset.field });
    (input.closest('.field') || input.parentElement).appendChild(p);
  }
}

function clearErrors(form) {
  for (const input of form.querySelectorAll('[data-field]')) {
    input.removeAttribute('aria-invalid');
    if (input.dataset.errorId) $(input.dataset.errorId).textContent = '';
  }
}

// The field an error names, or the nearest field it is part of: "dataset.consent.duo[1]" is shown at
// dataset.consent.duo, "payload.sha256" at payload, "endUsers" at the first end user's name, "categories[1]"
// at the group of category boxes.
function fieldFor(form, name) {
  let path = name;
  while (path) {
    const input = form.querySelector('[data-field="' + CSS.escape(path) + '"]');
    if (input && input.dataset.errorId) return input;
    if (input && input.dataset.rows) return form.querySelector('[data-field="' + CSS.escape(input.dataset.field + '[0].name') + '"]');
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return null;
}

// Shows a problem's errors at their fields; what names no field of the form goes to `rest`. Returns the
// first field shown in error.
function showErrors(form, problem, rest, onlyTouched) {
  clearErrors(form);
  rest.replaceChildren();
  let first = null;
  const unplaced = [];
  for (const e of problem.errors || []) {
    const input = fieldFor(form, e.field);
    if (onlyTouched && !(input && touched.has(input.id))) continue;
    if (!input) {
      unplaced.push(e.field + ': ' + e.message);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    const line = $(input.dataset.errorId);
    line.textContent = (line.textContent ? line.textContent + ' ' : '') + (input.dataset.field === e.field ? '' : e.field + ': ') + e.message;
    first = first || input;
  }
  if (!onlyTouched && !(problem.errors || []).length && problem.detail) unplaced.push(problem.detail);
  for (const u of unplaced) rest.appendChild(el('p', u));
  return first;
}

// ---- payload file

async function choosePayload() {
  const file = $('f-file').files[0];
  payload = null;
  if (!file) {
    $('payload-facts').textContent = 'No file chosen.';
    schedulePrecheck();
    return;
  }
  const chosen = { file, sizeBytes: file.size, sha256: null };
  payload = chosen;
  $('payload-facts').textContent = file.name + ': ' + bytes(file.size) + ', computing its SHA-256…';
  schedulePrecheck();
  const sha = await sha256OfBlob(file, (done) => {
    if (payload === chosen) $('payload-facts').textContent = file.name + ': ' + bytes(file.size) + ', hashing ' + Math.floor((100 * done) / Math.max(1, file.size)) + '%…';
  });
  if (payload !== chosen) return; // another file was chosen meanwhile
  chosen.sha256 = sha;
  $('payload-facts').textContent = file.name + ': ' + bytes(file.size) + ' (' + file.size + ' bytes), SHA-256 ' + sha;
  $('payload-facts').dataset.sha256 = sha;
}

// ---- precheck

function schedulePrecheck() {
  clearTimeout(precheckTimer);
  precheckTimer = setTimeout(() => precheck().catch((e) => showPrecheckFailure(e)), PRECHECK_DELAY_MS);
}

async function precheck() {
  const seq = ++precheckSeq;
  const r = request();
  if (!r.payload) {
    // the policy weighs the volume: it needs the size; the digest plays no part, so none is waited for
    $('precheck-outcome').textContent = 'Choose the payload file: the precheck needs its size.';
    $('precheck-outcome').dataset.outcome = '';
    return;
  }
  if (!r.payload.sha256) r.payload.sha256 = '0'.repeat(64);
  $('precheck').setAttribute('aria-busy', 'true');
  let evaluation;
  try {
    evaluation = await api('/api/v1/transfers/precheck', { method: 'POST', body: r });
  } catch (e) {
    if (seq !== precheckSeq) return;
    $('precheck').removeAttribute('aria-busy');
    if (e.status === 400 || e.status === 413) {
      showErrors($('request-form'), e.problem, $('form-errors'), true);
      const missing = (e.problem.errors || []).map((x) => x.field);
      $('precheck-outcome').textContent = 'The form is not complete yet (' + (missing.length ? missing.join(', ') : e.message) + ').';
      $('precheck-outcome').dataset.outcome = 'INVALID';
      $('precheck-reasons').replaceChildren();
      checklist(r, null);
      return;
    }
    throw e;
  }
  if (seq !== precheckSeq) return; // a later change is being checked
  $('precheck').removeAttribute('aria-busy');
  clearErrors($('request-form'));
  $('form-errors').replaceChildren();
  const outcome = $('precheck-outcome');
  outcome.replaceChildren(el('span', 'The policy would decide '), el('span', evaluation.outcome, { class: 'outcome-' + evaluation.outcome }),
    el('span', evaluation.bundle ? ' (bundle ' + evaluation.bundle.id + ' ' + evaluation.bundle.version + ')' : ''));
  outcome.dataset.outcome = evaluation.outcome;
  showReasons($('precheck-reasons'), evaluation.reasons || [], evaluation.conditions || []);
  checklist(r, evaluation.reasons || []);
}

function showPrecheckFailure(e) {
  $('precheck').removeAttribute('aria-busy');
  $('precheck-outcome').textContent = 'The precheck is unavailable: ' + e.message;
  $('precheck-outcome').dataset.outcome = 'UNAVAILABLE';
}

function showReasons(target, reasons, conditions) {
  target.replaceChildren();
  for (const r of reasons) {
    const item = el('li', null, { 'data-testid': 'reason', 'data-code': r.code });
    item.append(el('span', r.code, { class: 'code' }), el('span', ' (' + r.effect + ') ' + (r.title || '')));
    const details = el('div', null, { class: 'meta' });
    details.append(el('div', 'Rule: ' + r.ruleId, { 'data-testid': 'rule' }), el('div', 'Citation: ' + (r.citation || ''), { 'data-testid': 'citation' }));
    item.append(el('div', r.explanation || ''), details);
    if (r.remediation) item.appendChild(el('div', 'What to do: ' + r.remediation, { 'data-testid': 'remedy' }));
    target.appendChild(item);
  }
  for (const c of conditions) {
    target.appendChild(el('li', 'Condition ' + c.code + ': ' + c.description + (c.dueWithinDays ? ' (within ' + c.dueWithinDays + ' days)' : ''), { 'data-testid': 'condition' }));
  }
  if (!reasons.length && !conditions.length) target.appendChild(el('li', 'No rule matched.'));
}

// What is missing: an item a reason asks for is missing (with that reason's remedy), otherwise it is
// provided when the form names it, and not required when the policy did not ask for it.
function checklist(r, reasons) {
  const given = {
    dsa: r.dsaId,
    licence: r.licenceIds.join(', '),
    ethics: r.ethicsApprovalId,
    consent: r.dataset.consent.duo.join(', '),
  };
  for (const item of $('checklist').children) {
    const key = item.dataset.item;
    const asking = (reasons || []).filter((x) => NEEDS[key].includes(x.code));
    let state;
    let detail;
    if (asking.length) {
      state = 'missing';
      detail = asking.map((x) => x.code + ': ' + (x.remediation || x.explanation)).join(' ');
    } else if (given[key]) {
      state = 'provided';
      detail = given[key];
    } else {
      state = reasons ? 'not-required' : 'unknown';
      detail = reasons ? 'not asked for by the policy' : 'the precheck has not run';
    }
    item.dataset.state = state;
    item.querySelector('.mark').setAttribute('aria-label', state.replace('-', ' ') + ':');
    item.querySelector('.mark').setAttribute('role', 'img');
    item.querySelector('.detail').textContent = detail;
  }
}

// ---- submit and upload

async function submit(event) {
  event.preventDefault();
  const form = $('request-form');
  const r = request();
  if (payload && !payload.sha256) {
    say('The payload is still being hashed; submit again in a moment.');
    return;
  }
  $('submit').disabled = true;
  try {
    const created = await api('/api/v1/transfers', { method: 'POST', body: r, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    clearErrors(form);
    $('form-errors').replaceChildren();
    say('Transfer ' + created.id + ' created; uploading the payload.');
    const file = payload.file;
    uploading = true;
    await showTransfer(created.id);
    await upload(created.id, created.uploadUrl, file, false);
  } catch (e) {
    if (e instanceof ApiError) {
      const first = showErrors(form, e.problem, $('form-errors'));
      say('The request was not accepted: ' + e.message);
      if (first) first.focus();
    } else {
      say('Submission failed: ' + e.message);
    }
  } finally {
    $('submit').disabled = false;
  }
}

function progress(done, total, note) {
  $('upload-progress').max = Math.max(1, total);
  $('upload-progress').value = done;
  $('upload-text').textContent = bytes(done) + ' of ' + bytes(total) + (note ? ' - ' + note : '');
}

// One PUT of bytes [start, end) with Content-Range; resolves with the status and the JSON answer, rejects
// on a broken connection.
function putChunk(url, file, start, end) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Authorization', 'Bearer ' + token());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (file.size > 0) xhr.setRequestHeader('Content-Range', 'bytes ' + start + '-' + (end - 1) + '/' + file.size);
    xhr.upload.onprogress = (e) => progress(start + e.loaded, file.size, 'uploading');
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('the connection broke off'));
    xhr.onabort = () => reject(new Error('the upload was stopped'));
    xhr.send(file.slice(start, end));
  });
}

// Where the gateway says the upload stands: the client always resumes from there, never from its own count.
async function received(url) {
  const p = await api(url);
  return p.received || 0;
}

// Sends the file in chunks from where the gateway says the upload stands (0 for a fresh one); a chunk that
// breaks off is retried from the gateway's count a few times, then the page offers to resume.
async function upload(id, url, file, resuming) {
  uploading = true;
  $('resume').hidden = true;
  let failures = 0;
  try {
    let at = resuming ? await received(url) : 0;
    progress(at, file.size, resuming ? 'resuming at byte ' + at : 'starting');
    for (;;) {
      const end = Math.min(file.size, at + CHUNK_BYTES);
      let answer;
      try {
        answer = await putChunk(url, file, at, end);
      } catch (e) {
        if (++failures > 3) return offerResume(id, url, 'Upload stopped: ' + e.message + '.');
        at = await received(url).catch(() => at);
        progress(at, file.size, e.message + '; resuming at byte ' + at);
        continue;
      }
      const problem = (answer.body.type || '').replace(/.*\//, '');
      if (answer.status === 202) {
        at = answer.body.received;
        failures = 0;
        progress(at, file.size, 'uploading');
      } else if (answer.status === 200) {
        progress(file.size, file.size, 'verified and staged');
        say('Payload of ' + id + ' staged (SHA-256 ' + answer.body.sha256 + '); the policy is deciding.');
        return;
      } else if (answer.status === 409 && (problem === 'upload-offset-mismatch' || problem === 'upload-in-progress') && ++failures <= 3) {
        at = await received(url);
      } else {
        return offerResume(id, url, 'Upload refused: ' + (answer.body.detail || 'HTTP ' + answer.status) + '.');
      }
    }
  } finally {
    uploading = false;
  }
}

// Shows why the payload is not (all) there and lets the submitter continue with the same file.
function offerResume(id, url, why) {
  $('upload-text').textContent = why + ' Choose the same file to resume where the gateway stands.';
  $('resume').hidden = false;
  $('resume-upload').onclick = async () => {
    const file = $('resume-file').files[0] || (payload && payload.file);
    if (!file) {
      $('upload-text').textContent = 'Choose the file first.';
      return;
    }
    const t = await api('/api/v1/transfers/' + encodeURIComponent(id));
    if (file.size !== t.request.payload.sizeBytes) {
      $('upload-text').textContent = 'That file has ' + file.size + ' bytes; the transfer declared ' + t.request.payload.sizeBytes + '.';
      return;
    }
    await upload(id, url, file, true);
  };
}

// ---- one transfer: status and its live stream

async function showTransfer(id) {
  if (stream) stream.abort();
  current = { id, uploadUrl: '/api/v1/transfers/' + encodeURIComponent(id) + '/payload' };
  $('transfer').hidden = false;
  $('transfer-heading').textContent = 'Transfer ' + id;
  $('upload-progress').value = 0;
  $('upload-text').textContent = '';
  $('resume').hidden = true;
  $('appeal').textContent = '';
  render(await api('/api/v1/transfers/' + encodeURIComponent(id)));
  follow(id);
}

function render(t) {
  if (!current || t.id !== current.id) return;
  $('transfer-state').textContent = t.state;
  $('transfer').dataset.state = t.state;
  const timeline = $('timeline');
  timeline.replaceChildren();
  for (const h of t.history) timeline.appendChild(el('li', h.state + ' at ' + h.at, { 'data-state': h.state }));
  if (t.state === 'RECEIVED' && !uploading) {
    received(current.uploadUrl).then((n) => {
      if (uploading || !current || current.id !== t.id) return;
      progress(n, t.request.payload.sizeBytes, 'waiting for the rest of the payload');
      offerResume(t.id, current.uploadUrl, 'The payload is not complete.');
    }).catch(() => {});
  } else if (t.state !== 'RECEIVED') {
    $('resume').hidden = true;
  }
  const review = $('review');
  review.hidden = !t.review;
  if (t.review) showReview(t.review);
  const d = t.decision;
  if (d) {
    $('decision-outcome').replaceChildren(el('span', d.outcome, { class: 'outcome-' + d.outcome }),
      el('span', ' by ' + d.source + ' at ' + d.decidedAt + (d.validUntil ? ', valid until ' + d.validUntil : '')));
    showReasons($('decision-reasons'), d.reasons, d.conditions);
    $('decision-conditions').replaceChildren();
  } else {
    $('decision-outcome').textContent = 'No decision yet.';
    $('decision-reasons').replaceChildren();
  }
  $('package').textContent = t.package
    ? 'Package ' + t.package.packageId + ' (' + t.package.status + ', ' + bytes(t.package.sizeBytes) + ') sealed at ' + t.package.sealedAt + ', available to the partner until ' + t.package.expiresAt + '.'
    : '';
  $('appeal-form').hidden = t.state !== 'DENIED';
  if (t.appeal) {
    $('appeal').textContent = 'Appeal ' + t.appeal.appealId + ' filed at ' + t.appeal.filedAt + ': "' + t.appeal.statement + '"'
      + (t.appeal.outcome ? ' - decided ' + t.appeal.outcome + ' at ' + t.appeal.decidedAt : ' - awaiting review');
  }
}

function showReview(r) {
  $('review').hidden = false;
  $('review').replaceChildren(el('p', (r.kind === 'APPEAL' ? 'Appeal in review' : 'In review') + ' since ' + r.openedAt
    + '. Decision expected by ' + r.deadline + (r.escalated ? ' (escalated to senior reviewers)' : '') + '.', { 'data-testid': 'review-deadline', 'data-deadline': r.deadline }));
}

// The transfer's server-sent events, read with fetch (EventSource cannot send a bearer token); on a
// dropped stream it reconnects with Last-Event-ID and misses nothing.
async function follow(id) {
  const controller = new AbortController();
  stream = controller;
  let lastId = null;
  let delay = 1000;
  while (!controller.signal.aborted) {
    let ended = false;
    try {
      $('stream-state').textContent = '(live)';
      const response = await fetch('/api/v1/transfers/' + encodeURIComponent(id) + '/events', {
        headers: Object.assign(headers({ Accept: 'text/event-stream' }), lastId ? { 'Last-Event-ID': lastId } : {}),
        signal: controller.signal,
      });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = { name: 'message', data: [] };
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon === 0) continue;
            const field = colon < 0 ? line : line.slice(0, colon);
            const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.name = v;
            else if (field === 'data') event.data.push(v);
            else if (field === 'id') lastId = v;
          }
          if (!event.data.length) continue;
          const data = JSON.parse(event.data.join('\n'));
          if (event.name === 'review') showReview(data);
          if (event.name === 'state') {
            say('Transfer ' + id + ' is ' + data.state + '.');
            render(await api('/api/v1/transfers/' + encodeURIComponent(id)));
            if (FINAL_STATES.includes(data.state)) ended = true;
          }
        }
      }
      delay = 1000;
    } catch (e) {
      if (controller.signal.aborted) return;
      $('stream-state').textContent = '(reconnecting: ' + e.message + ')';
      delay = Math.min(30000, delay * 2);
    }
    if (ended) break;
    await new Promise((r) => setTimeout(r, delay));
  }
  if (stream === controller) $('stream-state').textContent = '';
}

// ---- appeal

async function appeal(event) {
  event.preventDefault();
  const form = $('appeal-form');
  try {
    const t = await api('/api/v1/transfers/' + encodeURIComponent(current.id) + '/appeal',
      { method: 'POST', body: { statement: $('appeal-statement').value }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    clearErrors(form);
    $('appeal-statement').value = '';
    render(t);
    say('Appeal filed for ' + t.id + '.');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const first = showErrors(form, e.problem, $('appeal'));
    say('The appeal was not accepted: ' + e.message);
    if (first) first.focus();
  }
}

// ---- the institution's transfers

async function loadList(fresh) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($('list-filters')).entries()) if (value) params.set(key, value);
  params.set('limit', '20');
  if (!fresh && listNext) params.set('after', listNext);
  $('list-error').textContent = '';
  let page;
  try {
    page = await api('/api/v1/transfers?' + params);
  } catch (e) {
    if (e.status === 400) {
      $('list-error').textContent = (e.problem.errors || []).map((x) => x.field + ': ' + x.message).join('; ') || e.message;
      return;
    }
    throw e;
  }
  const body = $('transfer-list').tBodies[0];
  if (fresh) body.replaceChildren();
  for (const t of page.items) {
    const row = body.insertRow();
    row.dataset.testid = 'transfer-row';
    row.dataset.transferId = t.id;
    row.dataset.state = t.state;
    for (const v of [t.createdAt, t.id, t.datasetId + ' (' + t.category + ')', t.partnerId + ' (' + t.country + ')', t.state,
      t.outcome ? t.outcome + (t.codes.length ? ': ' + t.codes.join(', ') : '') : '']) {
      row.insertCell().textContent = v;
    }
    const open = el('button', 'Open', { type: 'button', 'aria-label': 'Open transfer ' + t.id, 'data-testid': 'open-transfer' });
    open.addEventListener('click', () => showTransfer(t.id).then(() => $('transfer-heading').focus()).catch((e) => say('Could not open ' + t.id + ': ' + e.message)));
    row.insertCell().appendChild(open);
  }
  listNext = page.next;
  $('transfer-list').dataset.query = params.toString(); // what the rows shown answer
  $('list-more').hidden = !listNext;
  if (!page.items.length && fresh) body.insertRow().insertCell().textContent = 'No transfers match.';
}

// ---- licence applications

const LICENCES = '/api/v1/licence-applications';
const CITABLE = ['PENDING', 'GRANTED']; // a transfer may cite the licence id of these (it waits while PENDING)

// The application contract from the form; an empty optional field is null, never "".
function licenceApplication() {
  const number = (id) => {
    const v = $(id).value.trim();
    return v === '' ? null : Number(v);
  };
  return {
    destinationCountry: text('lic-country'),
    partnerId: text('lic-partner'),
    categories: Array.from($('lic-categories').querySelectorAll('input:checked'), (c) => c.value),
    purpose: {
      duo: text('lic-purpose-duo'), disease: text('lic-purpose-disease'), commercial: $('lic-purpose-commercial').checked,
      description: text('lic-purpose-description'),
    },
    endUsers: endUsers('lic-end-users'),
    quotaBytes: number('lic-quota-bytes'),
    quotaTransfers: number('lic-quota-transfers'),
    validFrom: text('lic-valid-from'),
    validUntil: text('lic-valid-until'),
  };
}

async function applyForLicence(event) {
  event.preventDefault();
  const form = $('licence-form');
  $('lic-submit').disabled = true;
  try {
    const a = await api(LICENCES, { method: 'POST', body: licenceApplication(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    clearErrors(form);
    $('lic-form-errors').replaceChildren();
    say('Applied: application ' + a.applicationId + ' for licence ' + a.licenceId + ' is ' + a.status + '.');
    renderLicence(a);
    $('licence-detail-heading').focus();
    await loadLicences(true);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const first = showErrors(form, e.problem, $('lic-form-errors'));
    say('The application was not accepted: ' + e.message);
    if (first) (first.matches('input, select, textarea') ? first : first.querySelector('input') || first).focus();
  } finally {
    $('lic-submit').disabled = false;
  }
}

// "P3DT4H5M" as "3 d 4 h 5 min"; what is not such a duration is shown as it is.
function duration(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!m) return iso || '';
  const parts = [];
  if (m[1]) parts.push(m[1] + ' d');
  if (m[2]) parts.push(m[2] + ' h');
  if (m[3]) parts.push(m[3] + ' min');
  if (!parts.length) parts.push(Math.floor(Number(m[4] || 0)) + ' s');
  return parts.join(' ');
}

function markers(a) {
  const out = [];
  if (a.late) out.push(el('span', 'late', { class: 'marker', 'data-testid': 'lic-late' }));
  if (a.escalated) out.push(el('span', 'escalated to a senior officer', { class: 'marker', 'data-testid': 'lic-escalated' }));
  return out;
}

// A reason as the rules or an officer give it: a text, or {code, title, explanation, remediation}.
function reasonItem(r) {
  if (typeof r !== 'object' || r === null) return el('li', r, { 'data-testid': 'lic-reason' });
  const item = el('li', null, { 'data-testid': 'lic-reason', 'data-code': r.code || '' });
  if (r.code) item.appendChild(el('span', r.code + ' ', { class: 'code' }));
  item.appendChild(el('span', [r.title, r.explanation || r.justification || r.description].filter((x) => x).join(': ')));
  if (r.remediation) item.appendChild(el('div', 'What to do: ' + r.remediation, { class: 'meta' }));
  return item;
}

function block(target, heading, items) {
  target.replaceChildren();
  target.hidden = !items.length;
  if (!items.length) return;
  const ul = el('ul', null, { class: 'reasons' });
  items.forEach((i) => ul.appendChild(i));
  target.append(el('h4', heading), ul);
}

function renderLicence(a) {
  licenceShown = a;
  const box = $('licence');
  box.hidden = false;
  box.dataset.applicationId = a.applicationId;
  box.dataset.licenceId = a.licenceId;
  box.dataset.status = a.status;
  $('licence-detail-heading').textContent = 'Application ' + a.applicationId;
  $('lic-status').textContent = a.status;
  $('lic-status').className = 'status-' + a.status;
  $('lic-markers').replaceChildren(...markers(a));
  $('lic-markers').dataset.late = String(!!a.late);
  $('lic-markers').dataset.escalated = String(!!a.escalated);
  $('lic-licence-id').textContent = a.licenceId;
  $('lic-applied-for').textContent = (a.categories || []).join(', ') + ' to ' + a.partnerId + ' (' + a.destinationCountry + '), '
    + bytes(a.quotaBytes || 0) + ' in ' + a.quotaTransfers + ' transfer(s), ' + a.validFrom + ' to ' + a.validUntil
    + '; applied at ' + a.appliedAt + (a.appliedBy ? ' by ' + a.appliedBy : '');
  $('lic-risk').textContent = a.risk + (a.requiredVotes ? ' (' + a.requiredVotes + ' officer vote' + (a.requiredVotes > 1 ? 's, one of them senior' : '') + ')' : '');
  $('lic-expected').textContent = a.status === 'PENDING' ? a.expectedBy : a.expectedBy + (a.decidedAt ? ' (decided at ' + a.decidedAt + ')' : '');
  $('lic-time-taken').textContent = duration(a.timeTaken) + (a.status === 'PENDING' ? ' so far' : '');
  $('lic-time-taken').dataset.duration = a.timeTaken || '';
  block($('lic-blocking'), 'Standing in the way of a grant', (a.blockingReasons || []).map(reasonItem));
  const t = a.terms;
  block($('lic-terms'), 'Granted terms', t ? [
    el('li', 'Valid ' + t.validFrom + ' to ' + t.validUntil),
    el('li', 'Quota: ' + (t.quotaBytes == null ? 'no byte limit' : bytes(t.quotaBytes) + ' (' + t.quotaBytes + ' bytes)') + ' in '
      + (t.quotaTransfers == null ? 'any number of' : t.quotaTransfers) + ' transfer(s)'),
    ...(t.postShipmentVerification ? [el('li', 'Post-shipment verification' + (t.verificationDays ? ' within ' + t.verificationDays + ' days' : ''))] : []),
    ...(t.conditions || []).map((c) => el('li', 'Condition: ' + c)),
  ] : []);
  let reasons = a.reasons || [];
  if (!reasons.length && a.status === 'REFUSED') {
    reasons = (a.votes || []).filter((v) => v.vote === 'DENY').map((v) => v.justification);
  }
  block($('lic-reasons'), a.status === 'WITHDRAWN' ? 'Withdrawn because' : 'Refused because', reasons.map(reasonItem));
  const waiting = $('lic-waiting');
  waiting.replaceChildren();
  const ids = a.waitingTransfers || [];
  waiting.appendChild(el('h4', 'Transfers waiting for this licence'));
  if (!ids.length) waiting.appendChild(el('p', 'None.', { class: 'hint' }));
  const ul = el('ul');
  for (const id of ids) {
    const li = el('li', id + ' ');
    const open = el('button', 'Open', { type: 'button', 'aria-label': 'Open transfer ' + id, 'data-testid': 'open-waiting-transfer', 'data-transfer-id': id });
    open.addEventListener('click', () => showTransfer(id).then(() => $('transfer-heading').focus()).catch((e) => say('Could not open ' + id + ': ' + e.message)));
    li.appendChild(open);
    ul.appendChild(li);
  }
  if (ids.length) waiting.appendChild(ul);
  $('lic-use').hidden = !CITABLE.includes(a.status);
  $('lic-withdraw-form').hidden = a.status !== 'PENDING';
  clearErrors($('lic-withdraw-form'));
  $('lic-withdraw-errors').replaceChildren();
}

async function showLicence(id) {
  renderLicence(await api(LICENCES + '/' + encodeURIComponent(id)));
}

// Cites a licence in the transfer form's licence ids (once) and rechecks the form.
function useLicence(licenceId) {
  const box = $('f-licences');
  const ids = list(box.value);
  if (!ids.includes(licenceId)) ids.push(licenceId);
  box.value = ids.join(', ');
  touched.add(box.id);
  schedulePrecheck();
  box.focus();
  say('Licence ' + licenceId + ' is cited in the transfer form.');
}

async function withdrawLicence(event) {
  event.preventDefault();
  const form = $('lic-withdraw-form');
  const id = licenceShown.applicationId;
  try {
    const a = await api(LICENCES + '/' + encodeURIComponent(id) + '/withdrawal', { method: 'POST', body: { reason: $('lic-withdraw-reason').value } });
    $('lic-withdraw-reason').value = '';
    renderLicence(a);
    say('Application ' + id + ' is ' + a.status + '.');
    await loadLicences(true);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const first = showErrors(form, e.problem, $('lic-withdraw-errors'));
    say('The withdrawal was not accepted: ' + e.message);
    if (first) first.focus();
  }
}

async function loadLicences(fresh) {
  const params = new URLSearchParams();
  const status = $('lic-filter-status').value;
  if (status) params.set('status', status);
  params.set('limit', '20');
  if (!fresh && licenceNext) params.set('after', licenceNext);
  $('lic-list-error').textContent = '';
  let page;
  try {
    page = await api(LICENCES + '?' + params);
  } catch (e) {
    $('lic-list-error').textContent = (e.problem && (e.problem.errors || []).map((x) => x.field + ': ' + x.message).join('; ')) || e.message;
    return;
  }
  const body = $('licence-list').tBodies[0];
  if (fresh) body.replaceChildren();
  for (const a of page.items) {
    const row = body.insertRow();
    row.dataset.testid = 'licence-row';
    row.dataset.applicationId = a.applicationId;
    row.dataset.licenceId = a.licenceId;
    row.dataset.status = a.status;
    row.insertCell().textContent = a.appliedAt;
    row.insertCell().textContent = a.applicationId + ' (licence ' + a.licenceId + ')';
    row.insertCell().textContent = a.partnerId + ' (' + a.destinationCountry + ')';
    const statusCell = row.insertCell();
    statusCell.append(el('span', a.status, { class: 'status-' + a.status }), ...markers(a));
    row.insertCell().textContent = a.risk;
    row.insertCell().textContent = a.expectedBy;
    row.insertCell().textContent = duration(a.timeTaken);
    row.insertCell().textContent = (a.waitingTransfers || []).join(', ');
    const actions = row.insertCell();
    const open = el('button', 'Open', { type: 'button', 'aria-label': 'Open application ' + a.applicationId, 'data-testid': 'open-licence' });
    open.addEventListener('click', () => showLicence(a.applicationId).then(() => $('licence-detail-heading').focus()).catch((e) => say('Could not open ' + a.applicationId + ': ' + e.message)));
    actions.appendChild(open);
    if (CITABLE.includes(a.status)) {
      const use = el('button', 'Use', { type: 'button', 'aria-label': 'Cite licence ' + a.licenceId + ' in the transfer form', 'data-testid': 'use-licence' });
      use.addEventListener('click', () => useLicence(a.licenceId));
      actions.append(' ', use);
    }
  }
  licenceNext = page.next;
  $('licence-list').dataset.query = params.toString();
  $('lic-list-more').hidden = !licenceNext;
  if (!page.items.length && fresh) body.insertRow().insertCell().textContent = 'No applications match.';
}

// ---- wiring

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in').addEventListener('click', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('add-end-user').addEventListener('click', () => addEndUser().querySelector('input').focus());
  addEndUser();
  decorateFields($('request-form'));
  decorateFields($('appeal-form'));
  $('request-form').addEventListener('input', (e) => {
    if (e.target.id === 'f-file') return;
    touched.add(e.target.id);
    schedulePrecheck();
  });
  $('request-form').addEventListener('focusout', (e) => { if (e.target.dataset && e.target.dataset.field) touched.add(e.target.id); });
  $('request-form').addEventListener('change', (e) => {
    if (e.target.dataset && e.target.dataset.field) touched.add(e.target.id);
    if (e.target.id === 'f-file') choosePayload().catch((x) => say('Cannot read the file: ' + x.message));
    else schedulePrecheck();
  });
  $('request-form').addEventListener('submit', submit);
  $('appeal-form').addEventListener('submit', (e) => appeal(e).catch((x) => say('Appeal failed: ' + x.message)));
  $('list-filters').addEventListener('submit', (e) => { e.preventDefault(); loadList(true).catch((x) => say('Cannot list: ' + x.message)); });
  $('list-more').addEventListener('click', () => loadList(false).catch((x) => say('Cannot list: ' + x.message)));
  addEndUser('lic-end-users');
  decorateFields($('licence-form'));
  decorateFields($('lic-withdraw-form'));
  $('lic-add-end-user').addEventListener('click', () => addEndUser('lic-end-users').querySelector('input').focus());
  $('licence-form').addEventListener('submit', (e) => applyForLicence(e).catch((x) => say('Application failed: ' + x.message)));
  $('lic-withdraw-form').addEventListener('submit', (e) => withdrawLicence(e).catch((x) => say('Withdrawal failed: ' + x.message)));
  $('lic-use').addEventListener('click', () => useLicence(licenceShown.licenceId));
  $('lic-refresh').addEventListener('click', () => showLicence(licenceShown.applicationId).catch((x) => say('Cannot refresh: ' + x.message)));
  $('lic-list-filters').addEventListener('submit', (e) => { e.preventDefault(); loadLicences(true).catch((x) => say('Cannot list applications: ' + x.message)); });
  $('lic-list-more').addEventListener('click', () => loadLicences(false).catch((x) => say('Cannot list applications: ' + x.message)));
  $('sign-in-oidc').addEventListener('click', () => startOidc().catch((x) => { $('sign-in-error').textContent = 'Sign-in failed: ' + x.message; }));
  setUpSignIn().then((returning) => {
    if (!returning && token()) {
      loadList(true).then(showSignedIn).catch(() => sessionStorage.removeItem(TOKEN_KEY));
    }
  }).catch((x) => { $('sign-in-error').textContent = 'Sign-in failed: ' + x.message; });
});
