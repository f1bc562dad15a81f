// The submitter portal: the gateway's submitter API with a pasted bearer token. It keeps no state of its
// own; the gateway and policy enforce every rule, the page shows their answers where they belong.
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

let endUserCount = 0;
let payload = null; // {file, sizeBytes, sha256 (null while hashing)}
let precheckTimer = null;
let precheckSeq = 0;
let current = null; // the transfer shown: {id, uploadUrl}
let stream = null; // the AbortController of the status stream
let listNext = null;
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
  $('sign-in-error').textContent = '';
  sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
  try {
    await loadList(true);
    showSignedIn();
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('sign-in-error').textContent = 'Sign-in failed: '
      + (e.status === 401 ? 'the token is not valid' : e.status === 403 ? 'the token is not a submitter\'s' : e.message);
  }
}

function showSignedIn() {
  const c = claims(token());
  $('signed-in-as').textContent = 'Signed in as ' + (c.upn || c.preferred_username || c.sub || 'unknown')
    + (c.institution ? ' (' + c.institution + ')' : '');
  $('sign-in-panel').hidden = true;
  $('portal').hidden = false;
  $('sign-out').hidden = false;
  $('request-heading').focus();
}

function signOut() {
  if (stream) stream.abort();
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
}

// ---- the request form

function addEndUser() {
  const i = endUserCount++;
  const row = el('div', null, { class: 'end-user', 'data-testid': 'end-user' });
  for (const [key, label, extra] of [
    ['name', 'End user ' + (i + 1) + ': name *', {}],
    ['organisation', 'Organisation *', {}],
    ['country', 'Country *', { maxlength: '2', size: '3' }],
  ]) {
    const id = 'eu-' + i + '-' + key;
    const box = el('div', null, { class: 'field' });
    box.append(el('label', label, { for: id }), el('input', null, Object.assign({ id, 'data-field': 'endUsers[' + i + '].' + key, required: '' }, extra)));
    row.appendChild(box);
  }
  $('end-users').appendChild(row);
  decorateFields(row);
  return row;
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
  const endUsers = [];
  for (let i = 0; i < endUserCount; i++) {
    const u = { name: text('eu-' + i + '-name'), organisation: text('eu-' + i + '-organisation'), country: text('eu-' + i + '-country') };
    if (u.name || u.organisation || u.country || i === 0) endUsers.push(u);
  }
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
    endUsers,
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
    if (input.id === 'end-users' || input.dataset.errorId) continue;
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
// dataset.consent.duo, "payload.sha256" at payload, "endUsers" at the first end user's name.
function fieldFor(form, name) {
  let path = name;
  while (path) {
    const input = form.querySelector('[data-field="' + CSS.escape(path) + '"]');
    if (input && input.dataset.errorId) return input;
    if (input && input.id === 'end-users') return form.querySelector('[data-field="endUsers[0].name"]');
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
  if (token()) {
    loadList(true).then(showSignedIn).catch(() => sessionStorage.removeItem(TOKEN_KEY));
  }
});
