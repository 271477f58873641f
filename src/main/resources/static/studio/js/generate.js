// Generate: the catalog's models as a form built from their parameter rules, the live price, and
// job cards that follow the event stream.

import {api, idempotencyKey, problemText} from './api.js';
import {streamEvents} from './events.js';
import {mediaView} from './media.js';
import {pageLoaded, ready, refreshBalance} from './shell.js';
import {$, el, fill, toast} from './ui.js';

const KINDS = ['image', 'video', 'music', 'speech'];
const ACTIVE = new Set(['queued', 'running']);
const form = $('[data-generate]');
const modelSelect = form.model;
const jobs = $('[data-jobs]');
const cards = new Map(); // generation id → {node, view}
let models = new Map();
let available = null;
let quoted = null; // {key, credits}
let quoteTimer = null;
let nextCursor = null;

const label = (name) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

async function loadModels() {
  const page = await api('/api/v1/models?limit=100');
  models = new Map(page.data.filter((m) => m.kind !== 'render').map((m) => [m.id, m]));
  const groups = KINDS.map((kind) => {
    const ofKind = [...models.values()].filter((m) => m.kind === kind)
        .sort((a, b) => Number(b.available) - Number(a.available) || a.id.localeCompare(b.id));
    return ofKind.length === 0 ? null : el('optgroup', {label: label(kind)},
        ofKind.map((m) => el('option', {value: m.id, disabled: !m.available},
            m.available ? m.id : `${m.id} (unavailable)`)));
  });
  fill(modelSelect, groups);
  const wanted = new URLSearchParams(location.search).get('model');
  const first = [...models.values()].find((m) => m.available && m.id === 'local/sketch')
      ?? [...models.values()].find((m) => m.available);
  modelSelect.value = models.get(wanted)?.available ? wanted : first?.id ?? '';
  showModel();
}

function selectedModel() {
  return models.get(modelSelect.value);
}

function showModel() {
  const model = selectedModel();
  $('[data-model-description]').textContent = model ? model.description ?? '' : 'No model is available.';
  form.prompt.maxLength = model?.promptMaxLength || 10000;
  const params = (model?.parameters ?? []).filter((p) => p.name !== 'prompt');
  fill($('[data-params]'), params.map(parameterField));
  $('[data-params-box]').hidden = params.length === 0;
  showInputs(model);
  requestQuote();
}

/** One form control from one parameter rule: ranges, choices and defaults as the catalog says. */
function parameterField(p) {
  const id = 'param-' + p.name;
  const hint = p.description ? el('p', {class: 'hint', id: id + '-hint'}, p.description) : null;
  const common = {id, name: p.name, dataset: {param: p.name, type: p.type}, 'aria-describedby': hint ? id + '-hint' : null};
  let control;
  if (p.type === 'boolean') {
    control = el('input', {...common, type: 'checkbox', checked: p.default === true});
    return el('div', {class: 'field'}, el('label', {class: 'check', for: id}, control, label(p.name)), hint);
  }
  if (p.type === 'enum') {
    control = el('select', {...common, required: p.required},
        p.required || p.default !== undefined ? null : el('option', {value: ''}, '(default)'),
        (p.values ?? []).map((v) => el('option', {value: v, selected: v === p.default}, v)));
  } else if (p.type === 'int' || p.type === 'number') {
    control = el('input', {...common, type: 'number', inputmode: p.type === 'int' ? 'numeric' : 'decimal',
      step: p.type === 'int' ? '1' : 'any', min: p.min ?? null, max: p.max ?? null,
      value: p.default ?? '', required: p.required});
  } else {
    control = el('input', {...common, type: 'text', maxlength: p.max ?? 1000, value: p.default ?? '', required: p.required});
  }
  const range = p.min !== undefined && p.max !== undefined && p.min !== null ? ` (${p.min}–${p.max})` : '';
  return el('div', {class: 'field'}, el('label', {for: id}, label(p.name) + range), control, hint);
}

function params() {
  const values = {};
  for (const control of form.querySelectorAll('[data-param]')) {
    const {param, type} = control.dataset;
    if (type === 'boolean') {
      values[param] = control.checked;
    } else if (control.value !== '') {
      values[param] = type === 'int' ? parseInt(control.value, 10)
          : type === 'number' ? parseFloat(control.value) : control.value;
    }
  }
  return values;
}

async function showInputs(model) {
  const max = model?.inputs?.image ?? 0;
  const box = $('[data-inputs-box]');
  box.hidden = max === 0;
  const picker = $('[data-inputs]');
  picker.replaceChildren();
  if (max === 0) {
    return;
  }
  $('[data-inputs-hint]').textContent = `Choose up to ${max} image${max > 1 ? 's' : ''}; upload more in the Library.`;
  try {
    const page = await api('/api/v1/assets?kind=image&limit=40');
    if (page.data.length === 0) {
      picker.append(el('p', {class: 'muted'}, 'Your library has no images yet.'));
    }
    for (const asset of page.data) {
      const button = el('button', {type: 'button', class: 'pick', 'aria-pressed': 'false', dataset: {asset: asset.id}},
          el('img', {src: asset.thumbnailUrl ?? asset.url, alt: asset.name ?? 'Library image'}));
      button.addEventListener('click', () => {
        const chosen = picker.querySelectorAll('[aria-pressed="true"]').length;
        const on = button.getAttribute('aria-pressed') === 'true';
        if (!on && chosen >= max) {
          toast(`This model takes at most ${max} image${max > 1 ? 's' : ''}.`);
          return;
        }
        button.setAttribute('aria-pressed', String(!on));
      });
      picker.append(button);
    }
  } catch (e) {
    picker.append(el('p', {class: 'form-error'}, problemText(e)));
  }
}

function inputAssetIds() {
  return [...form.querySelectorAll('.pick[aria-pressed="true"]')].map((b) => b.dataset.asset);
}

function requestQuote() {
  clearTimeout(quoteTimer);
  quoteTimer = setTimeout(quote, 250);
}

async function quote() {
  const model = selectedModel();
  const price = $('[data-price]');
  const prompt = form.prompt.value;
  if (!model) {
    price.textContent = '—';
    return;
  }
  if (!prompt.trim()) {
    price.textContent = 'write a prompt';
    quoted = null;
    updateSubmit();
    return;
  }
  const invalid = [...form.querySelectorAll('[data-param]')].find((c) => !c.checkValidity());
  if (invalid) {
    price.textContent = `check ${label(invalid.dataset.param)}`;
    quoted = null;
    updateSubmit();
    return;
  }
  const body = {prompt, params: params()};
  const key = JSON.stringify([model.id, body]);
  try {
    const answer = await api(`/api/v1/models/${model.id}/quote`, {method: 'POST', body});
    if (key === JSON.stringify([selectedModel()?.id, {prompt: form.prompt.value, params: params()}])) {
      quoted = {key, credits: answer.credits};
      price.textContent = `${answer.credits} credits`;
    }
  } catch (e) {
    quoted = null;
    price.textContent = problemText(e);
  }
  updateSubmit();
}

async function loadBalance() {
  try {
    available = (await api('/api/v1/credits')).available;
    $('[data-available]').textContent = String(available);
  } catch {
    $('[data-available]').textContent = '?';
  }
  updateSubmit();
}

function updateSubmit() {
  const submit = $('[data-submit]');
  const tooDear = quoted && available !== null && quoted.credits > available;
  submit.disabled = !quoted || tooDear;
  if (tooDear) {
    $('[data-price]').textContent = `${quoted.credits} credits — more than you have`;
  }
}

async function submit(event) {
  event.preventDefault();
  if (!form.reportValidity()) {
    return;
  }
  const error = $('[data-form-error]');
  error.hidden = true;
  const button = $('[data-submit]');
  button.disabled = true;
  try {
    const job = await api('/api/v1/generations', {
      method: 'POST', headers: {'Idempotency-Key': idempotencyKey()},
      body: {model: modelSelect.value, prompt: form.prompt.value, params: params(), inputAssetIds: inputAssetIds()},
    });
    show(job, true);
    loadBalance();
    refreshBalance();
  } catch (e) {
    error.textContent = problemText(e);
    error.hidden = false;
  } finally {
    updateSubmit();
  }
}

// ---- job cards

function show(view, first = false) {
  let card = cards.get(view.id);
  if (!card) {
    card = {node: el('li', {class: 'job', dataset: {job: view.id}})};
    cards.set(view.id, card);
    first ? jobs.prepend(card.node) : jobs.append(card.node);
  }
  const previous = card.view;
  // the submit's answer can arrive after the stream told of the start: a job never goes back
  const stale = previous && rank(view.status) < rank(previous.status);
  card.view = stale ? {...view, ...previous} : {...previous, ...view};
  render(card, previous);
  $('[data-jobs-empty]').hidden = cards.size > 0;
}

// a job only moves forward: queued → running → ended (a timed-out job may still succeed late)
const RANKS = {queued: 0, running: 1, timed_out: 2};

function rank(status) {
  return RANKS[status] ?? 3;
}

function render(card, previous) {
  const v = card.view;
  const node = card.node;
  node.dataset.status = v.status;
  const active = ACTIVE.has(v.status);
  if (!previous) {
    node.replaceChildren(
        el('div', {class: 'job-head'},
            el('span', {class: 'job-status', dataset: {statusLabel: ''}}),
            el('code', {}, v.model),
            el('span', {class: 'prompt'}, v.prompt)),
        el('progress', {max: 100, value: 0, 'aria-label': 'Progress of ' + v.prompt}),
        el('div', {class: 'job-result', dataset: {result: ''}}, el('span', {class: 'muted'}, 'Waiting…')),
        el('div', {class: 'job-actions'},
            el('button', {type: 'button', class: 'button small ghost', dataset: {cancel: ''}}, 'Cancel'),
            el('button', {type: 'button', class: 'button small ghost', dataset: {retry: ''}}, 'Retry')));
    node.querySelector('[data-cancel]').addEventListener('click', () => cancel(card));
    node.querySelector('[data-retry]').addEventListener('click', () => retry(card));
  }
  const status = node.querySelector('[data-status-label]');
  status.textContent = v.status.replace('_', ' ');
  status.className = 'job-status ' + v.status;
  const bar = node.querySelector('progress');
  bar.value = v.status === 'succeeded' ? 100 : v.progress ?? 0;
  bar.classList.toggle('idle', !active);
  node.querySelector('[data-cancel]').hidden = !active;
  node.querySelector('[data-retry]').hidden = !['failed', 'canceled', 'timed_out'].includes(v.status);
  const result = node.querySelector('[data-result]');
  if (v.status === 'succeeded' && v.outputs?.length && result.dataset.shown !== 'true') {
    result.dataset.shown = 'true';
    fill(result, mediaView(v.outputs[0], v.prompt));
  } else if (['failed', 'timed_out', 'canceled'].includes(v.status)) {
    const reason = v.error ? `${v.error.message} (${v.error.code})` : v.status === 'canceled' ? 'Canceled' : 'Timed out';
    fill(result, el('p', {class: v.status === 'canceled' ? 'muted' : 'job-error'}, reason));
  } else if (v.status === 'running' && result.dataset.shown !== 'true') {
    fill(result, el('span', {class: 'muted'}, `Running… ${v.progress ?? 0} %`));
  }
}

async function cancel(card) {
  try {
    show(await api(`/api/v1/generations/${card.view.id}/cancel`, {method: 'POST'}));
    loadBalance();
    refreshBalance();
  } catch (e) {
    toast(problemText(e), 'error');
  }
}

async function retry(card) {
  const v = card.view;
  try {
    const job = await api('/api/v1/generations', {
      method: 'POST', headers: {'Idempotency-Key': idempotencyKey()},
      body: {model: v.model, prompt: v.prompt, params: v.params ?? {}, inputAssetIds: v.inputAssetIds ?? []},
    });
    show(job, true);
    loadBalance();
    refreshBalance();
  } catch (e) {
    toast(problemText(e), 'error');
  }
}

async function loadJobs() {
  const page = await api('/api/v1/generations?limit=20' + (nextCursor ? '&cursor=' + encodeURIComponent(nextCursor) : ''));
  page.data.forEach((view) => show(view));
  nextCursor = page.hasMore ? page.nextCursor : null;
  $('[data-more]').hidden = !nextCursor;
  $('[data-jobs-empty]').hidden = cards.size > 0;
}

async function onEvent({event, data}) {
  if (event !== 'generation.updated' || !data?.id) {
    return;
  }
  const known = cards.get(data.id);
  const finished = !ACTIVE.has(data.status);
  if (!known || (finished && (data.status !== 'succeeded' || !data.outputs))) {
    // a job from another tab, or an end whose reason the event does not carry: read it whole
    try {
      show(await api(`/api/v1/generations/${data.id}`), !known);
    } catch {
      // deleted meanwhile
    }
  } else {
    show(data);
  }
  if (finished) {
    loadBalance();
    refreshBalance();
  }
}

form.addEventListener('input', requestQuote);
modelSelect.addEventListener('change', showModel);
form.addEventListener('submit', submit);
$('[data-more]').addEventListener('click', () => loadJobs().catch((e) => toast(problemText(e), 'error')));

ready.then(async () => {
  const live = $('[data-live]');
  streamEvents({
    onEvent,
    onState: (state) => { live.textContent = state === 'open' ? '● live' : 'reconnecting…'; },
  });
  try {
    await Promise.all([loadModels(), loadBalance(), loadJobs()]);
  } catch (e) {
    toast(problemText(e), 'error');
  }
  pageLoaded();
});
