// Admin: users (role, disable, credit grants), providers' status, model prices and availability,
// and the ledger audit, all through /api/v1/admin.

import {api, idempotencyKey, problemText} from './api.js';
import {pageLoaded, ready} from './shell.js';
import {$, confirmDialog, el, fill, formatDate, toast} from './ui.js';

let usersCursor = null;
let me = null;

function userRow(user) {
  const role = el('select', {'aria-label': 'Role of ' + user.email},
      ['user', 'admin'].map((r) => el('option', {value: r, selected: r === user.role}, r)));
  const toggle = el('button', {type: 'button', class: ['button', 'small', user.disabled ? 'ghost' : 'danger']},
      user.disabled ? 'Enable' : 'Disable');
  const amount = el('input', {type: 'number', step: '1', min: '-1000000000', max: '1000000000', value: '100',
    'aria-label': 'Credits for ' + user.email});
  const reason = el('input', {type: 'text', maxlength: '500', value: 'admin grant', 'aria-label': 'Reason for ' + user.email});
  const grant = el('button', {type: 'submit', class: 'button small'}, 'Grant');
  const grantForm = el('form', {class: 'grant'}, amount, reason, grant);
  const self = me && user.id === me.id;
  role.disabled = self;
  toggle.disabled = self;
  const row = el('tr', {dataset: {user: user.id}},
      el('td', {}, user.name),
      el('td', {}, user.email),
      el('td', {}, role),
      el('td', {}, el('span', {class: ['tag', user.disabled ? 'bad' : 'ok']}, user.disabled ? 'disabled' : 'active')),
      el('td', {}, formatDate(user.createdAt)),
      el('td', {}, grantForm),
      el('td', {}, toggle));
  role.addEventListener('change', () => changeUser(user, {role: role.value}, row));
  toggle.addEventListener('click', async () => {
    if (!user.disabled && !await confirmDialog(`Disable ${user.email}? Their sessions, keys and links stop working at once.`,
        {confirm: 'Disable'})) {
      return;
    }
    changeUser(user, {disabled: !user.disabled}, row);
  });
  grantForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!grantForm.reportValidity()) {
      return;
    }
    grant.disabled = true;
    try {
      const result = await api(`/api/v1/admin/accounts/${user.id}/credits`, {
        method: 'POST', headers: {'Idempotency-Key': idempotencyKey()},
        body: {amount: Number(amount.value), reason: reason.value.trim() || 'admin grant'},
      });
      toast(`${user.email}: ${result.amount > 0 ? '+' : ''}${result.amount} credits, ${result.available} available now`, 'ok');
    } catch (e) {
      toast(problemText(e), 'error');
    } finally {
      grant.disabled = false;
    }
  });
  return row;
}

async function changeUser(user, change, row) {
  try {
    const updated = await api(`/api/v1/admin/users/${user.id}`, {method: 'PATCH', body: change});
    row.replaceWith(userRow(updated));
    toast(`${updated.email} updated`, 'ok');
  } catch (e) {
    toast(problemText(e), 'error');
  }
}

async function loadUsers({more = false, email = ''} = {}) {
  const params = new URLSearchParams({limit: '25'});
  if (email) {
    params.set('email', email);
  }
  if (more && usersCursor) {
    params.set('cursor', usersCursor);
  }
  const page = await api('/api/v1/admin/users?' + params);
  const body = $('[data-users] tbody');
  if (!more) {
    body.replaceChildren();
  }
  page.data.forEach((user) => body.append(userRow(user)));
  usersCursor = page.hasMore ? page.nextCursor : null;
  $('[data-users-more]').hidden = !usersCursor;
}

function modelRow(model) {
  const credits = el('input', {type: 'number', min: '1', max: '1000000', step: '1', value: model.price.credits,
    required: true, 'aria-label': 'Credits per unit of ' + model.id});
  const minimum = el('input', {type: 'number', min: '1', max: '1000000', step: '1', value: model.price.minimum,
    required: true, 'aria-label': 'Minimum credits of ' + model.id});
  const enabled = el('input', {type: 'checkbox', checked: model.enabled, 'aria-label': 'Offer ' + model.id});
  const save = el('button', {type: 'button', class: 'button small'}, 'Save');
  save.addEventListener('click', async () => {
    if (!credits.reportValidity() || !minimum.reportValidity()) {
      return;
    }
    try {
      const [provider, name] = model.id.split('/');
      const updated = await api(`/api/v1/admin/models/${provider}/${name}`, {
        method: 'PUT',
        body: {price: {credits: Number(credits.value), minimum: Number(minimum.value)}, enabled: enabled.checked},
      });
      toast(`${updated.id}: ${updated.price.credits} credits per ${updated.price.unit.replaceAll('_', ' ').replace('per ', '')}, ${updated.enabled ? 'offered' : 'switched off'}`, 'ok');
    } catch (e) {
      toast(problemText(e), 'error');
    }
  });
  return el('tr', {dataset: {model: model.id}},
      el('td', {}, el('code', {}, model.id)),
      el('td', {}, model.kind),
      el('td', {}, model.price.unit.replaceAll('_', ' ')),
      el('td', {}, credits),
      el('td', {}, minimum),
      el('td', {}, enabled),
      el('td', {}, save));
}

async function loadModels() {
  const page = await api('/api/v1/admin/models?limit=100');
  fill($('[data-models] tbody'), page.data.map(modelRow));
  const providers = new Map();
  for (const model of page.data.filter((m) => m.kind !== 'render')) {
    const entry = providers.get(model.provider) ?? {available: model.available, reason: model.unavailableReason, models: 0};
    entry.models++;
    providers.set(model.provider, entry);
  }
  fill($('[data-providers]'), [...providers].map(([provider, status]) => el('li', {class: 'model-item', dataset: {provider}},
      el('strong', {}, provider),
      el('span', {class: ['tag', status.available ? 'ok' : 'bad']}, status.available ? 'available' : 'not configured'),
      el('span', {class: 'muted'}, `${status.models} model${status.models === 1 ? '' : 's'}`),
      status.available ? null : el('span', {class: 'muted'}, status.reason ?? ''))));
}

async function audit() {
  const button = $('[data-audit]');
  button.disabled = true;
  try {
    const result = await api('/api/v1/admin/credits/audit');
    fill($('[data-audit-result]'),
        el('p', {class: ['tag', result.clean ? 'ok' : 'bad']}, result.clean ? 'clean' : 'violations found'),
        el('p', {}, `${result.accounts} accounts, ${result.holds} holds, ${result.entries} ledger entries checked at ${formatDate(result.checkedAt)}.`),
        result.violations.length === 0 ? null : el('ul', {}, result.violations.map((v) =>
            el('li', {}, `${v.check}: user ${v.userId ?? '—'} expected ${v.expected ?? '—'}, found ${v.actual ?? '—'}`))));
  } catch (e) {
    toast(problemText(e), 'error');
  } finally {
    button.disabled = false;
  }
}

$('[data-user-search]').addEventListener('submit', (event) => {
  event.preventDefault();
  loadUsers({email: event.target.email.value.trim()}).catch((e) => toast(problemText(e), 'error'));
});
$('[data-users-more]').addEventListener('click', () => loadUsers({more: true, email: $('#user-email').value.trim()})
    .catch((e) => toast(problemText(e), 'error')));
$('[data-audit]').addEventListener('click', audit);

ready.then(async (user) => {
  me = user;
  if (user.role !== 'admin') {
    $('[data-not-admin]').hidden = false; // the API would answer 403 admin_only anyway
    pageLoaded();
    return;
  }
  $('[data-admin]').hidden = false;
  try {
    await Promise.all([loadUsers(), loadModels()]);
  } catch (e) {
    toast(problemText(e), 'error');
  }
  pageLoaded();
});
