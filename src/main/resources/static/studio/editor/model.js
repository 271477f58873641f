// The timeline document (schema 1, docs/editor.md) and the edits the editor makes to it.
// Pure functions, no DOM: every edit takes a timeline and answers {ok: true, timeline} or
// {ok: false, message}; the input is never changed. `check` mirrors the server's rules
// (TimelineValidator) so an edit the server would refuse is refused here, with a reason.

export const LIMITS = Object.freeze({
  minClipMs: 100,
  minTransitionMs: 100,
  maxLengthMs: 3_600_000,
  maxClips: 500,
  maxAudioTracks: 8,
  maxText: 500,
  speed: [0.25, 4],
  volume: [0, 2],
  sizePx: [8, 400],
  paddingPx: [0, 200],
  duckDb: [1, 40],
});

export const FONTS = Object.freeze([
  { id: 'sans', label: 'Sans (DejaVu Sans)' },
  { id: 'sans-bold', label: 'Sans bold (DejaVu Sans Bold)' },
  { id: 'serif', label: 'Serif (DejaVu Serif)' },
  { id: 'mono', label: 'Monospace (DejaVu Sans Mono)' },
]);

export const TRANSITIONS = Object.freeze([
  { id: 'crossfade', label: 'Crossfade' },
  { id: 'fadeblack', label: 'Fade through black' },
  { id: 'wipeleft', label: 'Wipe left' },
  { id: 'wiperight', label: 'Wipe right' },
  { id: 'slideleft', label: 'Slide left' },
  { id: 'slideright', label: 'Slide right' },
]);

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

const ok = (timeline) => ({ ok: true, timeline });
const refuse = (message) => ({ ok: false, message });
const clone = (value) => structuredClone(value);

/** An empty document with a music and a voice-over track, as the editor starts one. */
export function emptyTimeline() {
  return normalize({ schemaVersion: 1 });
}

/** The document with the editor's two audio tracks present and every list there. */
export function normalize(input) {
  const t = clone(input ?? {});
  t.schemaVersion = t.schemaVersion ?? 1;
  t.video = t.video ?? {};
  t.video.clips = t.video.clips ?? [];
  t.video.transitions = t.video.transitions ?? [];
  t.text = t.text ?? [];
  t.audio = t.audio ?? [];
  for (const track of t.audio) {
    track.role = track.role ?? 'music';
    track.clips = track.clips ?? [];
  }
  for (const role of ['music', 'voiceover']) {
    if (!t.audio.some((track) => track.role === role)) {
      t.audio.push({ id: uniqueId(t, role === 'music' ? 'music' : 'voice'), role, clips: [] });
    }
  }
  return t;
}

/** The end of the last video clip: clips minus transition overlaps (as the server counts it). */
export function lengthMs(t) {
  return t.video.clips.reduce((end, c) => Math.max(end, c.startMs + c.durationMs), 0);
}

/** The furthest end of anything on the timeline (text and audio may run past the video). */
export function extentMs(t) {
  let end = lengthMs(t);
  for (const c of t.text) end = Math.max(end, c.startMs + c.durationMs);
  for (const track of t.audio) for (const c of track.clips) end = Math.max(end, c.startMs + c.durationMs);
  return end;
}

export function allIds(t) {
  const ids = new Set();
  for (const c of t.video.clips) ids.add(c.id);
  for (const c of t.text) ids.add(c.id);
  for (const track of t.audio) {
    ids.add(track.id);
    for (const c of track.clips) ids.add(c.id);
  }
  return ids;
}

/** A fresh id with the prefix, unique across the whole document. */
export function uniqueId(t, prefix) {
  const ids = t.video ? allIds(t) : new Set();
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!ids.has(id)) return id;
  }
}

/** Where a clip is: {kind: 'video'|'text'|'audio', clip, track?, index}. */
export function find(t, id) {
  let index = t.video.clips.findIndex((c) => c.id === id);
  if (index >= 0) return { kind: 'video', clip: t.video.clips[index], index };
  index = t.text.findIndex((c) => c.id === id);
  if (index >= 0) return { kind: 'text', clip: t.text[index], index };
  for (const track of t.audio) {
    index = track.clips.findIndex((c) => c.id === id);
    if (index >= 0) return { kind: 'audio', clip: track.clips[index], track, index };
  }
  return null;
}

export function transitionFrom(t, clipId) {
  return t.video.transitions.find((x) => x.fromClipId === clipId) ?? null;
}

export function transitionTo(t, clipId) {
  return t.video.transitions.find((x) => x.toClipId === clipId) ?? null;
}

/** Indices [first, last] of the run of video clips glued to clip `index` by transitions. */
export function groupOf(t, index) {
  const clips = t.video.clips;
  let first = index;
  let last = index;
  while (first > 0 && transitionTo(t, clips[first].id)) first--;
  while (last < clips.length - 1 && transitionFrom(t, clips[last].id)) last++;
  return [first, last];
}

// ---- adding

/**
 * Adds an asset as a clip. Video track: at `atMs`, or after the last clip when absent; audio
 * tracks (`role` music or voiceover): at `atMs`, or after the track's last clip.
 * `asset` is {id, kind, durationMs, hasAudio}; images last 3 s.
 */
export function addAsset(t, asset, target, atMs, assets) {
  const next = clone(t);
  if (target === 'video') {
    if (asset.kind === 'audio') return refuse('The video track takes videos and images; put sound on an audio track');
    const durationMs = asset.kind === 'image' ? 3000 : Math.max(LIMITS.minClipMs, asset.durationMs ?? 3000);
    const start = Math.max(0, Math.round(atMs ?? lengthMs(next)));
    const clip = { id: uniqueId(next, 'c'), assetId: asset.id, startMs: start, durationMs, trimInMs: 0 };
    next.video.clips.push(clip);
    sortVideo(next);
    return checked(next, assets);
  }
  const track = next.audio.find((x) => x.role === target);
  if (!track) return refuse(`There is no ${target} track`);
  if (asset.kind === 'image') return refuse('Audio tracks take sound: an audio file or a video with sound');
  if (asset.kind === 'video' && !asset.hasAudio) return refuse('This video has no sound');
  const end = track.clips.reduce((e, c) => Math.max(e, c.startMs + c.durationMs), 0);
  const clip = {
    id: uniqueId(next, target === 'music' ? 'm' : 'v'), assetId: asset.id,
    startMs: Math.max(0, Math.round(atMs ?? end)), durationMs: Math.max(LIMITS.minClipMs, asset.durationMs ?? 3000),
    trimInMs: 0, loop: false, volume: 1, fadeInMs: 0, fadeOutMs: 0,
  };
  track.clips.push(clip);
  track.clips.sort((a, b) => a.startMs - b.startMs);
  return checked(next, assets);
}

/** A text clip at `atMs`, 3 s long (or up to the video's end when that is longer than 100 ms away). */
export function addText(t, text, atMs, assets) {
  const next = clone(t);
  const clip = {
    id: uniqueId(next, 't'), text, font: 'sans', sizePx: 64, color: '#ffffff', x: 0.5, y: 0.85,
    box: null, startMs: Math.max(0, Math.round(atMs ?? 0)), durationMs: 3000, fadeInMs: 0, fadeOutMs: 0,
  };
  next.text.push(clip);
  return checked(next, assets);
}

// ---- moving, trimming, splitting, removing

/**
 * Moves a clip by `deltaMs`. A video clip moves with the clips glued to it by transitions; it
 * may not overlap its other neighbours (only a transition overlaps clips).
 */
export function move(t, id, deltaMs, assets) {
  const next = clone(t);
  const at = find(next, id);
  if (!at) return refuse('No such clip');
  const delta = Math.round(deltaMs);
  if (at.kind === 'video') {
    const [first, last] = groupOf(next, at.index);
    for (let i = first; i <= last; i++) next.video.clips[i].startMs += delta;
    if (next.video.clips[first].startMs < 0) return refuse('A clip cannot start before 0');
    const before = next.video.clips[first - 1];
    const after = next.video.clips[last + 1];
    if (before && before.startMs + before.durationMs > next.video.clips[first].startMs) {
      return refuse('It would overlap the clip before it; only a transition may overlap clips');
    }
    if (after && next.video.clips[last].startMs + next.video.clips[last].durationMs > after.startMs) {
      return refuse('It would overlap the clip after it; only a transition may overlap clips');
    }
    return checked(next, assets);
  }
  at.clip.startMs += delta;
  if (at.clip.startMs < 0) return refuse('A clip cannot start before 0');
  if (at.kind === 'audio') at.track.clips.sort((a, b) => a.startMs - b.startMs);
  return checked(next, assets);
}

/** Places a clip's start at `startMs` (a move by the difference). */
export function moveTo(t, id, startMs, assets) {
  const at = find(t, id);
  if (!at) return refuse('No such clip');
  return move(t, id, startMs - at.clip.startMs, assets);
}

/**
 * Trims a clip's start (`edge` 'start') or end ('end') by `deltaMs` (positive moves the edge
 * right). Trimming the start also moves where the source starts. In a run glued by
 * transitions the clips after the edge move with it, so every transition stays in place.
 */
export function trim(t, id, edge, deltaMs, assets) {
  const next = clone(t);
  const at = find(next, id);
  if (!at) return refuse('No such clip');
  const d = Math.round(deltaMs);
  const c = at.clip;
  if (edge === 'start') {
    c.durationMs -= d;
    if (at.kind !== 'text') c.trimInMs = (c.trimInMs ?? 0) + Math.round(d * (c.speed ?? 1));
    if (at.kind === 'video' && isStill(c, assets)) c.trimInMs = 0;
    if (at.kind === 'video' && transitionTo(next, c.id)) {
      shiftAfter(next, at.index, -d);
    } else {
      c.startMs += d;
    }
  } else {
    c.durationMs += d;
    if (at.kind === 'video') shiftAfter(next, at.index, d);
  }
  if (c.durationMs < LIMITS.minClipMs) return refuse(`A clip lasts at least ${LIMITS.minClipMs} ms`);
  if ((c.trimInMs ?? 0) < 0) return refuse('That is before the start of the source');
  if (c.startMs < 0) return refuse('A clip cannot start before 0');
  clampFades(c);
  if (at.kind === 'video') {
    const [, last] = groupOf(next, at.index);
    const after = next.video.clips[last + 1];
    const end = next.video.clips[last].startMs + next.video.clips[last].durationMs;
    if (after && end > after.startMs) return refuse('It would overlap the clip after it; only a transition may overlap clips');
    const before = next.video.clips[at.index - 1];
    if (before && !transitionTo(next, c.id) && before.startMs + before.durationMs > c.startMs) {
      return refuse('It would overlap the clip before it');
    }
  }
  return checked(next, assets);
}

/** Splits a clip at `atMs` (timeline time) into two; each piece lasts at least 100 ms. */
export function split(t, id, atMs, assets) {
  const next = clone(t);
  const at = find(next, id);
  if (!at) return refuse('No such clip');
  const c = at.clip;
  const offset = Math.round(atMs) - c.startMs;
  if (offset < LIMITS.minClipMs || c.durationMs - offset < LIMITS.minClipMs) {
    return refuse(`Put the playhead inside the clip, at least ${LIMITS.minClipMs} ms from either end`);
  }
  const prefix = at.kind === 'video' ? 'c' : at.kind === 'text' ? 't' : at.track.role === 'music' ? 'm' : 'v';
  const second = { ...clone(c), id: uniqueId(next, prefix), startMs: c.startMs + offset, durationMs: c.durationMs - offset };
  c.durationMs = offset;
  if (at.kind !== 'text') {
    second.trimInMs = (c.trimInMs ?? 0) + Math.round(offset * (c.speed ?? 1));
    if (at.kind === 'video' && isStill(c, assets)) second.trimInMs = 0;
    const source = assets?.get(c.assetId)?.durationMs;
    if (at.kind === 'audio' && c.loop && source) second.trimInMs %= source;
  }
  if ('fadeOutMs' in c) {
    second.fadeInMs = 0;
    c.fadeOutMs = 0;
    clampFades(c);
    clampFades(second);
  }
  if (second.motion) second.motion = null;
  if (at.kind === 'video') {
    next.video.clips.splice(at.index + 1, 0, second);
    const out = transitionFrom(next, c.id);
    if (out) out.fromClipId = second.id;
  } else if (at.kind === 'text') {
    next.text.splice(at.index + 1, 0, second);
  } else {
    at.track.clips.splice(at.index + 1, 0, second);
  }
  return checked(next, assets);
}

/** Removes a clip (and a video clip's transitions); the place it leaves is a gap. */
export function remove(t, id) {
  const next = clone(t);
  const at = find(next, id);
  if (!at) return refuse('No such clip');
  if (at.kind === 'video') {
    next.video.clips.splice(at.index, 1);
    next.video.transitions = next.video.transitions.filter((x) => x.fromClipId !== id && x.toClipId !== id);
  } else if (at.kind === 'text') {
    next.text.splice(at.index, 1);
  } else {
    at.track.clips.splice(at.index, 1);
  }
  return ok(next);
}

/** Changes members of a clip (the inspector's fields), checked as the server would. */
export function update(t, id, changes, assets) {
  const next = clone(t);
  const at = find(next, id);
  if (!at) return refuse('No such clip');
  const timing = 'startMs' in changes || 'durationMs' in changes;
  if (timing && at.kind === 'video') {
    // placement goes through move and trim, so glued clips follow
    let result = ok(t);
    if ('startMs' in changes) result = moveTo(result.timeline, id, changes.startMs, assets);
    if (result.ok && 'durationMs' in changes) {
      const now = find(result.timeline, id).clip;
      result = trim(result.timeline, id, 'end', changes.durationMs - now.durationMs, assets);
    }
    const rest = { ...changes };
    delete rest.startMs;
    delete rest.durationMs;
    return result.ok && Object.keys(rest).length ? update(result.timeline, id, rest, assets) : result;
  }
  Object.assign(at.clip, changes);
  if (at.kind === 'audio') at.track.clips.sort((a, b) => a.startMs - b.startMs);
  return checked(next, assets);
}

// ---- transitions

/**
 * Puts a transition between video clip `fromId` and the clip after it (or changes it). The clip
 * after it and everything later on the video track move so the pair overlaps by exactly
 * `durationMs`, as the server requires; a gap between them closes.
 */
export function setTransition(t, fromId, type, durationMs, assets) {
  const next = clone(t);
  const at = find(next, fromId);
  if (!at || at.kind !== 'video') return refuse('Transitions join video clips');
  const a = at.clip;
  const b = next.video.clips[at.index + 1];
  if (!b) return refuse('A transition needs a clip after this one');
  if (!TRANSITIONS.some((x) => x.id === type)) return refuse('Unknown transition');
  const d = Math.round(durationMs);
  const longest = Math.floor(Math.min(a.durationMs, b.durationMs) / 2);
  if (d < LIMITS.minTransitionMs) return refuse(`A transition lasts at least ${LIMITS.minTransitionMs} ms`);
  if (d > longest) return refuse(`A transition lasts at most half the shorter clip (${longest} ms here)`);
  next.video.transitions = next.video.transitions.filter((x) => x.fromClipId !== fromId);
  next.video.transitions.push({ fromClipId: fromId, toClipId: b.id, type, durationMs: d });
  shiftFrom(next, at.index + 1, a.startMs + a.durationMs - d - b.startMs);
  return checked(next, assets);
}

/** Removes the transition after clip `fromId`; the clips after it move so the pair meets. */
export function removeTransition(t, fromId) {
  const next = clone(t);
  const tr = transitionFrom(next, fromId);
  if (!tr) return refuse('There is no transition after this clip');
  const at = find(next, fromId);
  next.video.transitions = next.video.transitions.filter((x) => x !== tr);
  shiftFrom(next, at.index + 1, tr.durationMs);
  return ok(next);
}

export function setDucking(t, enabled, db) {
  const next = clone(t);
  next.ducking = enabled ? { enabled: true, db: Math.round(db) } : null;
  if (!enabled) delete next.ducking;
  return checked(next);
}

// ---- checks (the server's rules, TimelineValidator)

/** Every problem as {path, message}; empty when the server would accept the document. */
export function check(t, assets) {
  const problems = [];
  const p = (path, message) => problems.push({ path, message });
  const ids = new Set();
  const id = (path, value) => {
    if (!ID.test(value ?? '')) p(path + '.id', 'An id is 1..64 letters, digits, _ or -');
    else if (ids.has(value)) p(path + '.id', `The id ${value} is used twice`);
    else ids.add(value);
  };
  const range = (path, value, lo, hi) => {
    if (typeof value !== 'number' || Number.isNaN(value) || value < lo || value > hi) p(path, `Must be ${lo} to ${hi}`);
  };
  const place = (path, c) => {
    range(path + '.startMs', c.startMs, 0, LIMITS.maxLengthMs);
    range(path + '.durationMs', c.durationMs, LIMITS.minClipMs, LIMITS.maxLengthMs);
  };
  const fades = (path, c) => {
    const fi = c.fadeInMs ?? 0;
    const fo = c.fadeOutMs ?? 0;
    if (fi < 0 || fo < 0 || fi + fo > c.durationMs) p(path + '.fadeOutMs', 'Fades in and out together last at most the clip');
  };
  const clips = t.video.clips;
  if (clips.length > LIMITS.maxClips) p('$.video.clips', `At most ${LIMITS.maxClips} video clips`);
  clips.forEach((c, i) => {
    const path = `$.video.clips[${i}]`;
    id(path, c.id);
    place(path, c);
    range(path + '.speed', c.speed ?? 1, ...LIMITS.speed);
    range(path + '.volume', c.volume ?? 1, ...LIMITS.volume);
    if ((c.trimInMs ?? 0) < 0) p(path + '.trimInMs', 'That is before the start of the source');
    const facts = assets?.get(c.assetId);
    if (facts?.kind === 'video' && facts.durationMs != null) {
      const used = (c.trimInMs ?? 0) + Math.round(c.durationMs * (c.speed ?? 1));
      if (used > facts.durationMs) p(path + '.trimInMs', `That is past the end of the source (${facts.durationMs} ms)`);
    }
  });
  const index = new Map(clips.map((c, i) => [c.id, i]));
  const byFrom = new Map();
  const byTo = new Set();
  t.video.transitions.forEach((x, j) => {
    const path = `$.video.transitions[${j}]`;
    const from = index.get(x.fromClipId);
    const to = index.get(x.toClipId);
    if (from === undefined || to === undefined) return p(path, 'A transition names clips on the video track');
    if (to !== from + 1) return p(path, 'A transition joins a clip to the next one');
    if (byFrom.has(from) || byTo.has(to)) return p(path, 'There is already a transition between these clips');
    byFrom.set(from, x);
    byTo.add(to);
    if (x.durationMs < LIMITS.minTransitionMs) p(path + '.durationMs', `A transition lasts at least ${LIMITS.minTransitionMs} ms`);
    const half = Math.floor(Math.min(clips[from].durationMs, clips[to].durationMs) / 2);
    if (x.durationMs * 2 > Math.min(clips[from].durationMs, clips[to].durationMs)) {
      p(path + '.durationMs', `A transition lasts at most half the shorter clip (${half} ms here)`);
    }
  });
  for (let i = 1; i < clips.length; i++) {
    const prev = clips[i - 1];
    const c = clips[i];
    const path = `$.video.clips[${i}].startMs`;
    if (c.startMs < prev.startMs) { p(path, 'Video clips are in time order'); continue; }
    const x = byFrom.get(i - 1);
    if (x) {
      if (c.startMs !== prev.startMs + prev.durationMs - x.durationMs) p(path, 'The transition is out of place');
    } else if (c.startMs < prev.startMs + prev.durationMs) {
      p(path, 'Clips overlap; only a transition may overlap clips');
    }
  }
  if (t.text.length > LIMITS.maxText) p('$.text', `At most ${LIMITS.maxText} text clips`);
  t.text.forEach((c, i) => {
    const path = `$.text[${i}]`;
    id(path, c.id);
    place(path, c);
    const length = [...(c.text ?? '')].length;
    if (length < 1) p(path + '.text', 'Write some text');
    if (length > 500) p(path + '.text', 'At most 500 characters');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/.test(c.text ?? '')) p(path + '.text', 'No control characters but line breaks');
    range(path + '.sizePx', c.sizePx ?? 64, ...LIMITS.sizePx);
    if (!COLOR.test(c.color ?? '#ffffff')) p(path + '.color', 'A colour is #rrggbb');
    range(path + '.x', c.x ?? 0.5, 0, 1);
    range(path + '.y', c.y ?? 0.5, 0, 1);
    if (!FONTS.some((f) => f.id === (c.font ?? 'sans'))) p(path + '.font', 'Unknown font');
    if (c.box) {
      if (!COLOR.test(c.box.color ?? '#000000')) p(path + '.box.color', 'A colour is #rrggbb');
      range(path + '.box.opacity', c.box.opacity ?? 0.5, 0, 1);
      range(path + '.box.paddingPx', c.box.paddingPx ?? 12, ...LIMITS.paddingPx);
    }
    fades(path, c);
  });
  if (t.audio.length > LIMITS.maxAudioTracks) p('$.audio', `At most ${LIMITS.maxAudioTracks} audio tracks`);
  t.audio.forEach((track, i) => {
    id(`$.audio[${i}]`, track.id);
    const sorted = [...track.clips].sort((a, b) => a.startMs - b.startMs);
    track.clips.forEach((c, k) => {
      const path = `$.audio[${i}].clips[${k}]`;
      id(path, c.id);
      place(path, c);
      range(path + '.volume', c.volume ?? 1, ...LIMITS.volume);
      if ((c.trimInMs ?? 0) < 0) p(path + '.trimInMs', 'That is before the start of the source');
      fades(path, c);
      const facts = assets?.get(c.assetId);
      if (facts?.durationMs != null && !c.loop && (c.trimInMs ?? 0) + c.durationMs > facts.durationMs) {
        p(path + '.trimInMs', `That is past the end of the source (${facts.durationMs} ms); turn on loop to repeat it`);
      }
    });
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].startMs < sorted[k - 1].startMs + sorted[k - 1].durationMs) {
        p(`$.audio[${i}]`, 'Clips on one audio track do not overlap');
      }
    }
  });
  if (t.ducking) range('$.ducking.db', t.ducking.db ?? 12, ...LIMITS.duckDb);
  if (lengthMs(t) > LIMITS.maxLengthMs) p('$.video', 'The timeline is longer than 60 minutes');
  return problems;
}

// ---- helpers

function checked(t, assets) {
  const problems = check(t, assets);
  return problems.length ? refuse(problems[0].message) : ok(t);
}

function isStill(clip, assets) {
  return assets?.get(clip.assetId)?.kind === 'image';
}

function sortVideo(t) {
  t.video.clips.sort((a, b) => a.startMs - b.startMs);
}

/** Moves the clips after `index` in its glued run by `delta`. */
function shiftAfter(t, index, delta) {
  const [, last] = groupOf(t, index);
  for (let i = index + 1; i <= last; i++) t.video.clips[i].startMs += delta;
}

/** Moves every video clip from `index` on by `delta` (a ripple). */
function shiftFrom(t, index, delta) {
  for (let i = index; i < t.video.clips.length; i++) t.video.clips[i].startMs += delta;
}

function clampFades(c) {
  if (!('fadeInMs' in c) && !('fadeOutMs' in c)) return;
  c.fadeInMs = Math.max(0, Math.min(c.fadeInMs ?? 0, c.durationMs));
  c.fadeOutMs = Math.max(0, Math.min(c.fadeOutMs ?? 0, c.durationMs - c.fadeInMs));
}
