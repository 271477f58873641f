// Library: the caller's assets in a grid (cursor pages, loaded as the end scrolls into view),
// filters and search, uploads of several files with a progress bar each, quota, download, delete.

import {api, bearer, idempotencyKey, problemText} from './api.js';
import {pageLoaded, ready} from './shell.js';
import {$, confirmDialog, el, fill, formatBytes, formatDate, toast} from './ui.js';

const grid = $('[data-grid]');
const filters = $('[data-filters]');
const dropzone = $('[data-dropzone]');
const LIMITS = {
  image: Number(dropzone.dataset.limitImage),
  audio: Number(dropzone.dataset.limitAudio),
  video: Number(dropzone.dataset.limitVideo),
};
const NOUN = {image: 'Images', audio: 'Sound files', video: 'Videos'};
const PARALLEL_UPLOADS = 2; // the server takes two uploads of one person at a time
let cursor = null;
let hasMore = false;
let loading = null;
let generation = 0; // bumps when the filters change, so a late page of old filters is dropped

// ---- the grid

function query() {
  const params = new URLSearchParams({limit: '30'});
  for (const name of ['q', 'kind', 'origin']) {
    const value = filters[name].value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  return params;
}

function tile(asset) {
  const name = asset.name ?? `${asset.kind} ${asset.id.slice(0, 8)}`;
  const thumb = asset.thumbnailUrl
      ? el('img', {src: asset.thumbnailUrl, alt: '', loading: 'lazy', decoding: 'async'})
      : el('span', {'aria-hidden': 'true'}, asset.kind);
  const remove = el('button', {type: 'button', class: 'button small ghost', 'aria-label': 'Delete ' + name}, 'Delete');
  const node = el('li', {class: 'tile', dataset: {asset: asset.id, kind: asset.kind}},
      el('div', {class: 'thumb'}, thumb),
      el('div', {class: 'meta'},
          el('span', {class: 'name', title: name}, name),
          el('span', {class: 'muted'}, `${asset.kind} · ${formatBytes(asset.bytes)} · ${asset.origin}`),
          el('span', {class: 'muted'}, formatDate(asset.createdAt))),
      el('div', {class: 'tile-actions'},
          el('a', {class: 'button small ghost', href: asset.url, download: name,
            'aria-label': 'Download ' + name}, 'Download'),
          remove));
  remove.addEventListener('click', () => removeAsset(asset, name, node));
  return node;
}

async function loadPage() {
  if (loading) {
    return loading;
  }
  const mine = generation;
  loading = (async () => {
    try {
      const page = await api('/api/v1/assets?' + query());
      if (mine !== generation) {
        return;
      }
      page.data.forEach((asset) => grid.append(tile(asset)));
      cursor = page.nextCursor ?? null;
      hasMore = page.hasMore;
      $('[data-more]').hidden = !hasMore;
      $('[data-empty]').hidden = grid.children.length > 0;
    } catch (e) {
      toast(problemText(e), 'error');
    } finally {
      loading = null;
    }
  })();
  return loading;
}

async function reload() {
  generation++;
  cursor = null;
  hasMore = false;
  grid.replaceChildren();
  loading = null;
  await loadPage();
}

async function removeAsset(asset, name, node) {
  if (!await confirmDialog(`Delete “${name}”? Its file and links stop working.`)) {
    return;
  }
  try {
    await api(`/api/v1/assets/${asset.id}`, {method: 'DELETE'});
    // the grid may have been drawn again (a search page landing) while the dialog was open:
    // remove the asset's tile wherever it is now, not only the node that was clicked
    node.remove();
    grid.querySelectorAll('.tile').forEach(tile => tile.dataset.asset === asset.id && tile.remove());
    $('[data-empty]').hidden = grid.children.length > 0;
    toast(`Deleted ${name}`, 'ok');
    loadQuota();
  } catch (e) {
    toast(e.code === 'asset_in_use' ? `${name} is still used by a project.` : problemText(e), 'error');
  }
}

async function loadQuota() {
  try {
    const usage = await api('/api/v1/storage');
    const used = usage.usedBytes + usage.reservedBytes;
    $('[data-quota-label]').textContent = `Storage: ${formatBytes(used)} of ${formatBytes(usage.quotaBytes)} used`;
    $('[data-quota-bar]').value = Math.min(100, Math.round(used * 100 / Math.max(1, usage.quotaBytes)));
  } catch {
    $('[data-quota-label]').textContent = 'Storage: unknown';
  }
}

// ---- uploads

const queue = [];
let running = 0;

function kindOf(file) {
  const type = file.type.split('/')[0];
  return LIMITS[type] ? type : null;
}

function addFiles(files) {
  for (const file of files) {
    const bar = el('progress', {max: 100, value: 0, 'aria-label': 'Upload of ' + file.name});
    const state = el('span', {class: 'muted'}, 'waiting');
    const row = el('li', {class: 'upload'}, el('span', {class: 'name'}, file.name), state, bar);
    $('[data-uploads]').prepend(row);
    const kind = kindOf(file);
    const refuse = (message) => {
      bar.remove();
      state.textContent = 'refused';
      row.append(el('p', {class: 'error', role: 'alert'}, message));
    };
    if (!kind) {
      refuse(`${file.name}: not an image, video or sound file (${file.type || 'unknown type'}).`);
    } else if (file.size > LIMITS[kind]) {
      refuse(`${file.name} is ${formatBytes(file.size)}: ${NOUN[kind].toLowerCase()} may be at most ${formatBytes(LIMITS[kind])}.`);
    } else {
      queue.push({file, bar, state, row, refuse});
    }
  }
  pump();
}

function pump() {
  while (running < PARALLEL_UPLOADS && queue.length) {
    const job = queue.shift();
    running++;
    upload(job).finally(() => {
      running--;
      pump();
    });
  }
}

async function upload({file, bar, state, row, refuse}, retried = false) {
  const authorization = await bearer();
  const answer = await new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/uploads');
    xhr.setRequestHeader('Authorization', authorization);
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
        state.textContent = `${bar.value} %`;
      }
    });
    xhr.addEventListener('load', () => resolve({status: xhr.status, body: xhr.response}));
    xhr.addEventListener('error', () => resolve({status: 0, body: null}));
    const body = new FormData();
    body.append('file', file, file.name);
    state.textContent = '0 %';
    xhr.send(body);
  });
  if (answer.status === 401 && !retried) {
    return upload({file, bar, state, row, refuse}, true);
  }
  if (answer.status === 201) {
    bar.value = 100;
    state.textContent = 'done';
    state.className = 'done';
    row.dataset.done = 'true';
    const kind = filters.kind.value;
    const origin = filters.origin.value;
    if ((!kind || kind === answer.body.kind) && (!origin || origin === 'upload') && !filters.q.value.trim()) {
      grid.prepend(tile(answer.body));
      $('[data-empty]').hidden = true;
    }
    loadQuota();
    return;
  }
  refuse(answer.status === 0 ? `${file.name}: the server could not be reached.` : uploadError(file, answer.body ?? {}));
}

function uploadError(file, problem) {
  switch (problem.code) {
    case 'file_too_large':
      return `${file.name} is too large${problem.limit ? `: at most ${formatBytes(problem.limit)}` : ''}.`;
    case 'storage_quota_exceeded':
      return `${file.name} does not fit: your storage is full. Delete something first.`;
    case 'unsupported_media':
      return `${file.name}: the library keeps images (PNG, JPEG, GIF, WebP), video (MP4, QuickTime, WebM, Matroska) and sound (MP3, WAV, FLAC, Ogg, Opus, AAC, M4A); this is none of those.`;
    default:
      return `${file.name}: ${problem.detail ?? problem.title ?? 'the upload failed'}`;
  }
}

// ---- wiring

$('[data-files]').addEventListener('change', (e) => {
  addFiles([...e.target.files]);
  e.target.value = '';
});
dropzone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropzone.classList.add('over');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropzone.classList.remove('over');
  addFiles([...e.dataTransfer.files]);
});
let searchTimer = null;
const filtersChanged = () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(reload, 250);
};
filters.addEventListener('input', filtersChanged);
filters.addEventListener('change', filtersChanged);
filters.addEventListener('submit', (e) => {
  e.preventDefault();
  reload();
});
$('[data-more]').addEventListener('click', loadPage);
new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting) && hasMore) {
    loadPage();
  }
}, {rootMargin: '400px'}).observe($('[data-sentinel]'));

ready.then(async () => {
  await Promise.all([loadPage(), loadQuota()]);
  pageLoaded();
});
