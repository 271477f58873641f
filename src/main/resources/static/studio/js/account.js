// Account: profile, credits with their ledger, API keys (made with scopes, shown once, rotated with
// a grace period, revoked).

import {api, problemText} from './api.js';
import {pageLoaded, ready} from './shell.js';
import {$, busy, confirmDialog, el, fill, formatDate, toast} from './ui.js';

const SCOPES = [
  ['generate', 'Submit and follow generations, the event stream, the OpenAI-compatible API'],
  ['library:read', 'List and read assets, storage use'],
  ['library:write', 'Upload and delete assets'],
  ['projects:read', 'Read projects, previews and exports'],
  ['projects:write', 'Change projects, start previews and exports'],
  ['webhooks', 'Manage webhook endpoints'],
  ['billing:read', 'The credit balance and ledger'],
  ['account:read', 'Your own profile'],
];
const ADMIN_SCOPES = [['metrics:read', 'Operational metrics (admins only)']];
let ledgerCursor = null;

function facts(node, pairs) {
  fill(node, pairs.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

async function loadCredits() {
  const credits = await api('/api/v1/credits');
  facts($('[data-credits]'), [['Available', String(credits.available)], ['Held by running work', String(credits.held)],
    ['Balance', String(credits.balance)]]);
}

async function loadLedger(more = false) {
  const page = await api('/api/v1/credits/ledger?limit=20' + (more && ledgerCursor ? '&cursor=' + encodeURIComponent(ledgerCursor) : ''));
  const body = $('[data-ledger] tbody');
  if (!more) {
    body.replaceChildren();
  }
  for (const entry of page.data) {
    body.append(el('tr', {},
        el('td', {}, formatDate(entry.createdAt)),
        el('td', {}, entry.kind),
        el('td', {class: 'num'}, entry.amount > 0 ? '+' + entry.amount : String(entry.amount)),
        el('td', {class: 'num'}, entry.heldChange ? String(entry.heldChange) : ''),
        el('td', {class: 'num'}, String(entry.balanceAfter)),
        el('td', {}, entry.reason ?? entry.reference ?? '')));
  }
  ledgerCursor = page.hasMore ? page.nextCursor : null;
  $('[data-ledger-more]').hidden = !ledgerCursor;
}

function keyState(key) {
  if (key.revokedAt) {
    return ['revoked', 'bad'];
  }
  if (key.expiresAt && new Date(key.expiresAt) < new Date()) {
    return ['expired', 'bad'];
  }
  if (key.replacedBy) {
    return [`rotated: works until ${formatDate(key.expiresAt)}`, 'warn'];
  }
  return [key.expiresAt ? `active until ${formatDate(key.expiresAt)}` : 'active', 'ok'];
}

async function loadKeys() {
  const page = await api('/api/v1/api-keys?limit=100');
  const body = $('[data-keys] tbody');
  body.replaceChildren();
  for (const key of page.data) {
    const [state, tone] = keyState(key);
    const usable = !key.revokedAt && !(key.expiresAt && new Date(key.expiresAt) < new Date());
    const rotate = el('button', {type: 'button', class: 'button small ghost', 'aria-label': 'Rotate ' + key.name}, 'Rotate');
    const revoke = el('button', {type: 'button', class: 'button small danger', 'aria-label': 'Revoke ' + key.name}, 'Revoke');
    rotate.hidden = !usable || !!key.replacedBy;
    revoke.hidden = !usable;
    rotate.addEventListener('click', () => rotateKey(key));
    revoke.addEventListener('click', () => revokeKey(key));
    body.append(el('tr', {dataset: {key: key.id}},
        el('td', {}, key.name),
        el('td', {}, el('code', {}, key.prefix + '…')),
        el('td', {}, key.scopes.join(', ')),
        el('td', {}, formatDate(key.createdAt)),
        el('td', {}, key.lastUsedAt ? formatDate(key.lastUsedAt) : 'never'),
        el('td', {}, el('span', {class: ['tag', tone]}, state)),
        el('td', {}, el('div', {class: 'actions'}, rotate, revoke))));
  }
  $('[data-keys-empty]').hidden = page.data.length > 0;
}

function showSecret(key) {
  const panel = $('[data-secret]');
  $('[data-secret-value]').value = key.key;
  $('#secret-title').textContent = `Your new key “${key.name}”`;
  panel.hidden = false;
  panel.focus();
}

async function rotateKey(key) {
  if (!await confirmDialog(`Make a new secret for “${key.name}”? The old one keeps working for 24 hours, so your scripts can switch over.`,
      {confirm: 'Rotate', danger: false, title: 'Rotate this key?'})) {
    return;
  }
  try {
    showSecret(await api(`/api/v1/api-keys/${key.id}/rotate`, {method: 'POST', body: {graceSeconds: 24 * 3600}}));
    await loadKeys();
  } catch (e) {
    toast(problemText(e), 'error');
  }
}

async function revokeKey(key) {
  if (!await confirmDialog(`Revoke “${key.name}”? Everything using it stops working at once.`, {confirm: 'Revoke'})) {
    return;
  }
  try {
    await api(`/api/v1/api-keys/${key.id}`, {method: 'DELETE'});
    toast(`Revoked ${key.name}`, 'ok');
    await loadKeys();
  } catch (e) {
    toast(problemText(e), 'error');
  }
}

const form = $('[data-new-key]');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const scopes = [...form.querySelectorAll('[name=scope]:checked')].map((box) => box.value);
  const error = $('[data-form-error]', form);
  if (!form.reportValidity()) {
    return;
  }
  if (scopes.length === 0) {
    error.textContent = 'Choose at least one scope.';
    error.hidden = false;
    return;
  }
  busy(form, async () => {
    const expires = form.expires.value ? new Date(form.expires.value + 'T23:59:59').toISOString() : undefined;
    const key = await api('/api/v1/api-keys', {method: 'POST', body: {name: form.name.value.trim(), scopes, expiresAt: expires}});
    form.reset();
    showSecret(key);
    await loadKeys();
  }).catch(() => {});
});

$('[data-copy]').addEventListener('click', async () => {
  const field = $('[data-secret-value]');
  try {
    await navigator.clipboard.writeText(field.value);
    toast('Copied', 'ok');
  } catch {
    field.select(); // no clipboard access (a page not served over HTTPS): the key is selected to copy by hand
    toast('Press Ctrl+C (⌘C) to copy the selected key');
  }
});
$('[data-ledger-more]').addEventListener('click', () => loadLedger(true).catch((e) => toast(problemText(e), 'error')));

ready.then(async (user) => {
  facts($('[data-profile]'), [['Name', user.name], ['Email', user.email], ['Role', user.role]]);
  const scopes = user.role === 'admin' ? [...SCOPES, ...ADMIN_SCOPES] : SCOPES;
  fill($('[data-scopes]'), scopes.map(([scope, meaning]) => el('label', {class: 'check scope'},
      el('input', {type: 'checkbox', name: 'scope', value: scope}),
      el('span', {}, el('code', {}, scope), el('span', {class: 'hint'}, meaning)))));
  try {
    await Promise.all([loadCredits(), loadLedger(), loadKeys()]);
  } catch (e) {
    toast(problemText(e), 'error');
  }
  pageLoaded();
});
