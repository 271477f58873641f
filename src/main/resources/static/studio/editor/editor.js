// The editor page (/projects/{id}): loads the project and the library, keeps the document,
// its undo history and the selection, and wires the timeline view, the inspector, the
// preview player, frames, saving and exports to /api/v1 (remote.js).

import * as model from './model.js';
import { History } from './history.js';
import { Zoom, clock } from './zoom.js';
import { TimelineView, ASSET_DRAG_TYPE } from './timeline-view.js';
import { Inspector } from './inspector.js';
import { Player } from './player.js';
import { Exporter } from './exporter.js';
import { h } from './dom.js';
import { projects, library } from './remote.js';
import { ready, pageLoaded } from '/studio/js/shell.js';

const root = document.getElementById('editor');
const $ = (id) => document.getElementById(id);

const state = {
  id: root.dataset.projectId,
  project: null,
  timeline: model.emptyTimeline(),
  saved: null,
  version: null,
  assets: new Map(),
  history: new History(),
  zoom: new Zoom(3),
  selected: null,
  transition: null,
  playheadMs: 0,
  saving: false,
};

const view = new TimelineView($('timeline'), {
  select: (id) => select(id),
  selectTransition: (fromId) => { state.selected = null; state.transition = fromId; render(); },
  move: (id, deltaMs) => { state.selected = id; edit(model.move(state.timeline, id, deltaMs, state.assets), id); },
  trim: (id, edge, deltaMs) => { state.selected = id; edit(model.trim(state.timeline, id, edge, deltaMs, state.assets), id); },
  scrub: (ms, final) => scrub(ms, final),
  dropAsset: (assetId, target, ms) => addAsset(assetId, target, ms),
  key: (e, id) => clipKey(e, id),
  redraw: () => render(),
});

const inspector = new Inspector($('inspector'), {
  edit: (result, focusId) => edit(result, focusId),
  timeline: () => state.timeline,
  assets: () => state.assets,
  playhead: () => state.playheadMs,
  rename: (name) => rename(name),
});

const player = new Player({
  video: $('preview-video'),
  frame: $('preview-frame'),
  status: $('preview-status'),
  projectId: state.id,
  onTime: (ms) => { state.playheadMs = ms; view.setPlayhead(ms); $('playhead-time').textContent = clock(ms); },
  savedLengthMs: () => state.project?.lengthMs ?? 0,
});

const exporter = new Exporter({
  root: $('export-panel'),
  projectId: state.id,
  beforeStart: () => ensureSaved(),
});

// ---- edits, undo, redo

function edit(result, focusId) {
  if (!result.ok) {
    say(result.message, true);
    render();
    return false;
  }
  state.history.record(state.timeline);
  state.timeline = result.timeline;
  if (state.selected && !model.find(state.timeline, state.selected)) state.selected = null;
  render();
  if (focusId && model.find(state.timeline, focusId)) view.focusClip(focusId);
  return true;
}

function undo() {
  const previous = state.history.undo(state.timeline);
  if (!previous) return;
  state.timeline = previous;
  if (state.selected && !model.find(previous, state.selected)) state.selected = null;
  say('Undone');
  render();
}

function redo() {
  const next = state.history.redo(state.timeline);
  if (!next) return;
  state.timeline = next;
  if (state.selected && !model.find(next, state.selected)) state.selected = null;
  say('Redone');
  render();
}

function select(id) {
  state.selected = id;
  state.transition = null;
  render();
  if (id) view.focusClip(id);
}

function dirty() {
  return JSON.stringify(state.timeline) !== state.saved;
}

function render() {
  view.render(state.timeline, state.assets, state.zoom, state.selected, state.playheadMs);
  inspector.render(state.selected, state.transition, state.project);
  $('undo').disabled = !state.history.canUndo();
  $('redo').disabled = !state.history.canRedo();
  $('zoom-in').disabled = !state.zoom.canZoomIn();
  $('zoom-out').disabled = !state.zoom.canZoomOut();
  const changed = dirty();
  $('save').disabled = state.saving;
  $('save-state').textContent = state.saving ? 'Saving…' : changed ? 'Unsaved changes' : `Saved (version ${state.version})`;
  root.classList.toggle('is-dirty', changed);
  scheduleAutosave();
  $('timeline-length').textContent = clock(model.lengthMs(state.timeline));
  $('ducking-enabled').checked = Boolean(state.timeline.ducking?.enabled ?? state.timeline.ducking);
  $('ducking-db').value = String(state.timeline.ducking?.db ?? 12);
  $('ducking-db').disabled = !$('ducking-enabled').checked;
}

function say(message, problem = false) {
  const box = $('editor-message');
  box.textContent = message;
  box.classList.toggle('is-problem', problem);
}

// ---- the library panel

async function loadLibrary(cursor) {
  try {
    const page = await library.list(cursor);
    for (const asset of page.data) {
      state.assets.set(asset.id, asset);
      $('library-list').append(libraryItem(asset));
    }
    const more = $('library-more');
    more.hidden = !page.hasMore;
    more.onclick = page.hasMore ? () => loadLibrary(page.nextCursor) : null;
    if (!state.assets.size) $('library-empty').hidden = false;
  } catch (e) {
    say(`The library did not load: ${e.message}`, true);
  }
}

function libraryItem(asset) {
  const name = asset.name ?? `${asset.kind} ${asset.id.slice(0, 8)}`;
  const length = asset.durationMs ? ` · ${clock(asset.durationMs)}` : '';
  const thumb = asset.thumbnailUrl ? h('img', { src: asset.thumbnailUrl, alt: '', class: 'lib-thumb', loading: 'lazy' })
    : h('span', { class: `lib-thumb lib-thumb-${asset.kind}`, 'aria-hidden': 'true' }, asset.kind);
  const buttons = [];
  if (asset.kind !== 'audio') {
    buttons.push(h('button', { type: 'button', class: 'lib-add', 'data-target': 'video', 'aria-label': `Add ${name} to the video track`, onclick: () => addAsset(asset.id, 'video') }, 'Video'));
  }
  if (asset.kind === 'audio' || (asset.kind === 'video' && asset.hasAudio)) {
    buttons.push(h('button', { type: 'button', class: 'lib-add', 'data-target': 'music', 'aria-label': `Add ${name} to the music track`, onclick: () => addAsset(asset.id, 'music') }, 'Music'));
    buttons.push(h('button', { type: 'button', class: 'lib-add', 'data-target': 'voiceover', 'aria-label': `Add ${name} to the voice-over track`, onclick: () => addAsset(asset.id, 'voiceover') }, 'Voice'));
  }
  const item = h('li', { class: 'lib-item', draggable: 'true', 'data-asset-id': asset.id },
    thumb, h('span', { class: 'lib-name' }, name), h('span', { class: 'lib-meta' }, `${asset.kind}${length}`),
    h('span', { class: 'lib-actions' }, buttons));
  item.addEventListener('dragstart', (e) => {
    e.dataTransfer.setData(ASSET_DRAG_TYPE, asset.id);
    e.dataTransfer.effectAllowed = 'copy';
  });
  return item;
}

function addAsset(assetId, target, atMs) {
  const asset = state.assets.get(assetId);
  if (!asset) return;
  const before = model.allIds(state.timeline);
  if (edit(model.addAsset(state.timeline, asset, target, atMs, state.assets))) {
    const added = [...model.allIds(state.timeline)].find((id) => !before.has(id));
    say(`Added ${asset.name ?? asset.kind} to the ${target === 'voiceover' ? 'voice-over' : target} track`);
    if (added) select(added);
  }
}

// ---- keyboard

function clipKey(e, id) {
  const step = e.shiftKey ? 1000 : state.zoom.nudgeMs();
  const dir = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    select(id);
  } else if (dir && e.altKey && e.shiftKey) {
    e.preventDefault();
    edit(model.trim(state.timeline, id, 'start', dir * state.zoom.nudgeMs(), state.assets), id);
  } else if (dir && e.altKey) {
    e.preventDefault();
    edit(model.trim(state.timeline, id, 'end', dir * state.zoom.nudgeMs(), state.assets), id);
  } else if (dir) {
    e.preventDefault();
    edit(model.move(state.timeline, id, dir * step, state.assets), id);
  } else if (e.key === 's' && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    edit(model.split(state.timeline, id, state.playheadMs, state.assets), id);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    state.selected = null;
    edit(model.remove(state.timeline, id));
    $('timeline-ruler').focus();
  }
}

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
  if (mod && e.key.toLowerCase() === 's') {
    e.preventDefault();
    save();
  } else if (mod && !typing && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    if (e.shiftKey) redo(); else undo();
  } else if (mod && !typing && e.key.toLowerCase() === 'y') {
    e.preventDefault();
    redo();
  } else if (!mod && !typing && (e.key === '+' || e.key === '=')) {
    zoom(1);
  } else if (!mod && !typing && e.key === '-') {
    zoom(-1);
  }
});

function zoom(direction) {
  if (direction > 0) state.zoom.zoomIn(); else state.zoom.zoomOut();
  render();
}

// ---- scrubbing

function scrub(ms, final) {
  state.playheadMs = ms;
  view.setPlayhead(ms);
  $('playhead-time').textContent = clock(ms);
  player.scrub(ms, final);
}

// ---- saving: If-Match from the version loaded; a 412 means someone else saved first

async function save(overwrite = false) {
  if (state.saving) return false;
  state.saving = true;
  render();
  try {
    let version = state.version;
    if (overwrite) version = (await projects.get(state.id)).version;
    const saved = await projects.save(state.id, version, state.timeline);
    loaded(saved, false);
    $('conflict').hidden = true;
    say(`Saved (version ${saved.version})`);
    return true;
  } catch (e) {
    if (e.status === 412) {
      $('conflict').hidden = false;
      $('conflict-reload').focus();
      say('Not saved: this project was changed elsewhere', true);
    } else if (e.status === 422 && e.code === 'invalid_timeline') {
      const problems = (e.problem?.errors ?? []).slice(0, 3).map((p) => `${p.path}: ${p.message}`);
      say(`Not saved: ${[e.message, ...problems].join(' — ')}`, true);
    } else {
      say(`Not saved: ${e.message}`, true);
    }
    return false;
  } finally {
    state.saving = false;
    render();
  }
}

// ---- autosave: a few seconds after the last change (the server's atelier.studio.autosave-delay,
// 0 turns it off). A save that fails is not tried again until the timeline changes, and a
// conflict waits for the person to reload or overwrite.

const AUTOSAVE_MS = Number(root.dataset.autosaveMs ?? 0);
let autosaveTimer = null;
let failedSnapshot = null;

function scheduleAutosave() {
  clearTimeout(autosaveTimer);
  if (!(AUTOSAVE_MS > 0) || state.version == null || state.saving || !$('conflict').hidden) return;
  const snapshot = JSON.stringify(state.timeline);
  if (snapshot === state.saved || snapshot === failedSnapshot) return;
  autosaveTimer = setTimeout(async () => {
    if (await save()) return;
    failedSnapshot = snapshot;
    clearTimeout(autosaveTimer); // the failed save's own render scheduled it again
  }, AUTOSAVE_MS);
}

async function ensureSaved() {
  return dirty() ? save() : true;
}

async function reload() {
  try {
    loaded(await projects.get(state.id), true);
    $('conflict').hidden = true;
    say(`Reloaded version ${state.version}`);
  } catch (e) {
    say(`Could not reload: ${e.message}`, true);
  }
}

async function rename(name) {
  try {
    const p = await projects.rename(state.id, name);
    state.project = p;
    state.version = p.version;
    $('project-name').textContent = p.name;
    document.title = `${p.name} · Atelier`;
    say('Renamed');
  } catch (e) {
    say(`Not renamed: ${e.message}`, true);
  }
}

function loaded(project, replace) {
  state.project = project;
  state.version = project.version;
  const timeline = model.normalize(project.timeline);
  if (replace) {
    state.timeline = timeline;
    state.history.clear();
    state.selected = null;
  } else {
    // keep our document (the server echoes it with defaults filled in); remember it as saved
    state.timeline = timeline;
  }
  state.saved = JSON.stringify(state.timeline);
  $('project-name').textContent = project.name;
  document.title = `${project.name} · Atelier`;
  // the player takes the project's shape (CSSOM, which the CSP allows)
  root.querySelector('.ed-screen').style.aspectRatio = `${project.output.width} / ${project.output.height}`;
  render();
}

// ---- wiring

$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
$('save').addEventListener('click', () => save());
$('zoom-in').addEventListener('click', () => zoom(1));
$('zoom-out').addEventListener('click', () => zoom(-1));
$('conflict-reload').addEventListener('click', reload);
$('conflict-overwrite').addEventListener('click', () => save(true));
$('add-text').addEventListener('click', () => {
  const before = model.allIds(state.timeline);
  if (edit(model.addText(state.timeline, 'Title', state.playheadMs, state.assets))) {
    const added = state.timeline.text.find((c) => !before.has(c.id));
    select(added.id);
    inspector.focusFirst();
  }
});
$('ducking-enabled').addEventListener('change', () => edit(model.setDucking(state.timeline,
  $('ducking-enabled').checked, Number($('ducking-db').value) || 12)));
$('ducking-db').addEventListener('change', () => edit(model.setDucking(state.timeline, true, Number($('ducking-db').value))));
$('preview-start').addEventListener('click', async () => {
  if (await ensureSaved()) player.start();
});
window.addEventListener('beforeunload', (e) => {
  if (dirty()) e.preventDefault();
});

(async function start() {
  if (!(await ready)) return;
  try {
    loaded(await projects.get(state.id), true);
  } catch (e) {
    say(e.status === 404 ? 'There is no such project.' : `The project did not load: ${e.message}`, true);
    pageLoaded();
    return;
  }
  await Promise.all([loadLibrary(), exporter.resume()]);
  render();
  root.dataset.ready = 'true';
  pageLoaded();
})();
