// The timeline drawn in the DOM: a ruler (the playhead, a slider), a lane per track, clips as
// focusable buttons placed with CSSOM (el.style.left, allowed by a strict CSP), transitions as
// marks over the overlap. Pointer drags move and trim clips; every drag has a keyboard and a
// button way too (the inspector). The view holds no document: it draws what it is given and
// reports what the person asked for through callbacks.

import { clock } from './zoom.js';
import { extentMs, find } from './model.js';
import { thumbnail, waveform } from './clip-media.js';

const LANES = [
  { target: 'video', label: 'Video' },
  { target: 'text', label: 'Text' },
  { target: 'music', label: 'Music' },
  { target: 'voiceover', label: 'Voice-over' },
];

/** The MIME type a library item is dragged with. */
export const ASSET_DRAG_TYPE = 'application/x-atelier-asset';

export class TimelineView {
  /**
   * @param {HTMLElement} root the element to draw into
   * @param {object} on callbacks: select(id|null), move(id, deltaMs), trim(id, edge, deltaMs),
   *   scrub(ms), dropAsset(assetId, target, ms), key(event, id) (unhandled keys), selectTransition(fromId)
   */
  constructor(root, on) {
    this.root = root;
    this.on = on;
    this.drag = null;
    root.classList.add('tl');
    root.replaceChildren();
    this.scroller = make('div', 'tl-scroll');
    this.canvas = make('div', 'tl-canvas');
    this.ruler = make('div', 'tl-ruler');
    this.ruler.tabIndex = 0;
    this.ruler.setAttribute('role', 'slider');
    this.ruler.setAttribute('aria-label', 'Playhead');
    this.ruler.setAttribute('aria-valuemin', '0');
    this.ruler.id = 'timeline-ruler';
    this.playhead = make('div', 'tl-playhead');
    this.playhead.setAttribute('aria-hidden', 'true');
    this.lanes = new Map();
    const labels = make('div', 'tl-labels');
    labels.append(make('div', 'tl-label tl-label-ruler', 'Time'));
    this.canvas.append(this.ruler);
    for (const lane of LANES) {
      const label = make('div', 'tl-label', lane.label);
      label.id = `lane-label-${lane.target}`;
      labels.append(label);
      const body = make('div', 'tl-lane');
      body.dataset.target = lane.target;
      body.id = `lane-${lane.target}`;
      body.setAttribute('role', 'group');
      body.setAttribute('aria-labelledby', label.id);
      this.lanes.set(lane.target, body);
      this.canvas.append(body);
      this.dropTarget(body);
    }
    this.canvas.append(this.playhead);
    this.scroller.append(this.canvas);
    root.append(labels, this.scroller);
    this.scrubbing(this.ruler);
    this.canvas.addEventListener('pointermove', (e) => this.dragMove(e));
    this.canvas.addEventListener('pointerup', (e) => this.dragEnd(e));
    this.canvas.addEventListener('pointercancel', () => this.dragCancel());
  }

  /** Draws `timeline` at `zoom`, `selected` highlighted, the playhead at `playheadMs`. */
  render(timeline, assets, zoom, selected, playheadMs) {
    this.zoom = zoom;
    this.timeline = timeline;
    const extent = Math.max(extentMs(timeline) + 10_000, 30_000);
    this.canvas.style.width = `${Math.ceil(zoom.px(extent))}px`;
    this.drawRuler(extent, zoom);
    this.ruler.setAttribute('aria-valuemax', String(extent));
    for (const body of this.lanes.values()) body.replaceChildren();
    const video = this.lanes.get('video');
    timeline.video.clips.forEach((c, i) => {
      const asset = assets.get(c.assetId);
      const name = asset?.name ?? 'missing asset';
      video.append(this.clip(c, `Video clip ${i + 1}: ${name}`, name, selected, thumbnail(asset)));
    });
    for (const x of timeline.video.transitions) {
      const to = timeline.video.clips.find((c) => c.id === x.toClipId);
      if (!to) continue;
      const mark = make('button', 'tl-transition');
      mark.type = 'button';
      mark.dataset.from = x.fromClipId;
      mark.title = `${x.type}, ${x.durationMs} ms`;
      mark.setAttribute('aria-label', `Transition ${x.type} between clips, ${x.durationMs} ms`);
      mark.style.left = `${zoom.px(to.startMs)}px`;
      mark.style.width = `${Math.max(6, zoom.px(x.durationMs))}px`;
      mark.addEventListener('click', () => this.on.selectTransition(x.fromClipId));
      video.append(mark);
    }
    const text = this.lanes.get('text');
    timeline.text.forEach((c, i) => text.append(this.clip(c, `Text ${i + 1}: ${c.text}`, c.text, selected)));
    for (const track of timeline.audio) {
      const body = this.lanes.get(track.role === 'voiceover' ? 'voiceover' : 'music');
      if (!body) continue;
      track.clips.forEach((c, i) => {
        const asset = assets.get(c.assetId);
        const name = asset?.name ?? 'missing asset';
        const role = track.role === 'voiceover' ? 'Voice-over' : 'Music';
        const wave = waveform(asset, c, Math.max(4, zoom.px(c.durationMs)));
        body.append(this.clip(c, `${role} clip ${i + 1}: ${name}`, name, selected, wave));
      });
    }
    this.setPlayhead(playheadMs);
  }

  setPlayhead(ms) {
    this.playheadMs = ms;
    if (!this.zoom) return;
    this.playhead.style.left = `${this.zoom.px(ms)}px`;
    this.ruler.setAttribute('aria-valuenow', String(Math.round(ms)));
    this.ruler.setAttribute('aria-valuetext', clock(ms));
  }

  /** Moves keyboard focus to a clip, after a redraw. */
  focusClip(id) {
    const node = this.root.querySelector(`[data-clip-id="${CSS.escape(id)}"]`);
    node?.focus();
  }

  clip(c, label, name, selected, media = null) {
    const node = make('div', 'tl-clip');
    node.dataset.clipId = c.id;
    node.tabIndex = 0;
    node.setAttribute('role', 'button');
    node.setAttribute('aria-pressed', String(c.id === selected));
    node.setAttribute('aria-label', `${label}, ${clock(c.startMs)} to ${clock(c.startMs + c.durationMs)}`);
    if (c.id === selected) node.classList.add('is-selected');
    node.style.left = `${this.zoom.px(c.startMs)}px`;
    node.style.width = `${Math.max(4, this.zoom.px(c.durationMs))}px`;
    const title = make('span', 'tl-clip-name', name);
    const start = make('span', 'tl-handle tl-handle-start');
    const end = make('span', 'tl-handle tl-handle-end');
    start.dataset.edge = 'start';
    end.dataset.edge = 'end';
    start.setAttribute('aria-hidden', 'true');
    end.setAttribute('aria-hidden', 'true');
    if (media) node.append(media);
    node.append(start, title, end);
    node.addEventListener('pointerdown', (e) => this.dragStart(e, c, node));
    node.addEventListener('click', () => this.on.select(c.id));
    node.addEventListener('keydown', (e) => this.on.key(e, c.id));
    return node;
  }

  // ---- pointer drags: move (body) and trim (edges); the edit is made on release

  dragStart(e, clip, node) {
    if (e.button !== 0) return;
    const edge = e.target.dataset?.edge ?? null;
    this.drag = { id: clip.id, edge, x: e.clientX, node, left: node.offsetLeft, width: node.offsetWidth, moved: false };
    this.canvas.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  }

  dragMove(e) {
    const d = this.drag;
    if (!d) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) > 2) d.moved = true;
    if (d.edge === 'start') {
      d.node.style.left = `${d.left + dx}px`;
      d.node.style.width = `${Math.max(4, d.width - dx)}px`;
    } else if (d.edge === 'end') {
      d.node.style.width = `${Math.max(4, d.width + dx)}px`;
    } else {
      d.node.style.left = `${d.left + dx}px`;
    }
    d.node.classList.add('is-dragging');
  }

  dragEnd(e) {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    d.node.classList.remove('is-dragging');
    if (!d.moved) {
      this.on.select(d.id);
      return;
    }
    const deltaMs = this.snap(d.id, d.edge, this.zoom.ms(e.clientX - d.x));
    if (d.edge) this.on.trim(d.id, d.edge, deltaMs);
    else this.on.move(d.id, deltaMs);
  }

  /**
   * A dragged edge (or a moved clip's start or end) within 8 px of another clip's edge on the
   * same track, of 0 or of the playhead lands exactly on it, so clips can be made to meet.
   */
  snap(id, edge, deltaMs) {
    const at = find(this.timeline, id);
    if (!at) return deltaMs;
    const c = at.clip;
    const siblings = at.kind === 'video' ? this.timeline.video.clips : at.kind === 'text' ? this.timeline.text : at.track.clips;
    const targets = [0, this.playheadMs];
    for (const other of siblings) {
      if (other.id !== id) targets.push(other.startMs, other.startMs + other.durationMs);
    }
    const moving = edge === 'start' ? [c.startMs] : edge === 'end' ? [c.startMs + c.durationMs]
      : [c.startMs, c.startMs + c.durationMs];
    const reach = this.zoom.ms(8);
    let best = null;
    for (const point of moving) {
      for (const target of targets) {
        const fix = target - (point + deltaMs);
        if (Math.abs(fix) <= reach && (best === null || Math.abs(fix) < Math.abs(best))) best = fix;
      }
    }
    return best === null ? deltaMs : deltaMs + best;
  }

  dragCancel() {
    this.drag = null;
    this.on.redraw?.();
  }

  // ---- the ruler: click or drag to scrub, arrows to step

  scrubbing(ruler) {
    let down = false;
    const at = (e) => this.zoom.ms(e.clientX - ruler.getBoundingClientRect().left);
    ruler.addEventListener('pointerdown', (e) => {
      down = true;
      ruler.setPointerCapture?.(e.pointerId);
      this.on.scrub(Math.max(0, at(e)), false);
    });
    ruler.addEventListener('pointermove', (e) => {
      if (down) this.on.scrub(Math.max(0, at(e)), false);
    });
    ruler.addEventListener('pointerup', (e) => {
      if (!down) return;
      down = false;
      this.on.scrub(Math.max(0, at(e)), true);
    });
    ruler.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? 1000 : this.zoom.nudgeMs();
      let ms = null;
      if (e.key === 'ArrowLeft') ms = this.playheadMs - step;
      else if (e.key === 'ArrowRight') ms = this.playheadMs + step;
      else if (e.key === 'Home') ms = 0;
      else if (e.key === 'End') ms = extentMs(this.timeline);
      if (ms === null) return;
      e.preventDefault();
      this.on.scrub(Math.max(0, ms), true);
    });
  }

  drawRuler(extent, zoom) {
    this.ruler.replaceChildren();
    const tick = zoom.tickMs();
    for (let ms = 0; ms <= extent; ms += tick) {
      const mark = make('span', 'tl-tick', clock(ms));
      mark.setAttribute('aria-hidden', 'true');
      mark.style.left = `${zoom.px(ms)}px`;
      this.ruler.append(mark);
    }
  }

  // ---- library items dropped on a lane

  dropTarget(body) {
    body.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes(ASSET_DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      body.classList.add('is-drop-target');
    });
    body.addEventListener('dragleave', () => body.classList.remove('is-drop-target'));
    body.addEventListener('drop', (e) => {
      body.classList.remove('is-drop-target');
      const assetId = e.dataTransfer?.getData(ASSET_DRAG_TYPE);
      if (!assetId || body.dataset.target === 'text') return;
      e.preventDefault();
      // dropped at the pointer, to the nearest tenth of a second (a pixel is 3–200 ms)
      const ms = Math.max(0, Math.round(this.zoom.ms(e.clientX - body.getBoundingClientRect().left) / 100) * 100);
      this.on.dropAsset(assetId, body.dataset.target, ms);
    });
  }
}

function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
