// The inspector: the selected clip's (or transition's, or project's) settings as labelled
// form controls. Every change goes through the model, so the server's rules hold; the
// buttons here are also the keyboard way to do what pointer drags do on the timeline.

import * as model from './model.js';
import { h, field, seconds, millis } from './dom.js';
import { clock } from './zoom.js';

export class Inspector {
  constructor(root, on) {
    this.root = root;
    this.on = on;
  }

  focusFirst() {
    this.root.querySelector('textarea, input, select')?.focus();
  }

  render(selected, transitionFrom, project) {
    const active = document.activeElement;
    const keepFocus = active && this.root.contains(active) ? active.id : null;
    const t = this.on.timeline();
    const at = selected ? model.find(t, selected) : null;
    let content;
    if (at?.kind === 'video') content = this.video(t, at);
    else if (at?.kind === 'text') content = this.text(at.clip);
    else if (at?.kind === 'audio') content = this.audio(at);
    else if (transitionFrom && model.find(t, transitionFrom)) content = this.transition(t, transitionFrom);
    else content = this.project(project);
    this.root.replaceChildren(...content);
    if (keepFocus) document.getElementById(keepFocus)?.focus();
  }

  // ---- per kind

  video(t, at) {
    const c = at.clip;
    const asset = this.on.assets().get(c.assetId);
    const still = asset?.kind === 'image';
    const parts = [
      h('h3', {}, `Video clip: ${asset?.name ?? 'missing asset'}`),
      ...this.timing(c),
    ];
    if (!still) parts.push(this.number('Start in source (s)', 'insp-trim', c.trimInMs, 0.01, (ms) => this.change(c.id, { trimInMs: ms })));
    parts.push(
      this.plain('Speed', 'insp-speed', c.speed ?? 1, 0.05, 0.25, 4, (v) => this.change(c.id, { speed: v })),
      this.plain('Volume', 'insp-volume', c.volume ?? 1, 0.05, 0, 2, (v) => this.change(c.id, { volume: v })),
      field('Fit', this.select('insp-fit', [['cover', 'Cover (fill, crop)'], ['contain', 'Contain (letterbox)']], c.fit ?? 'cover',
        (v) => this.change(c.id, { fit: v }))),
      ...this.clipActions(c),
    );
    const next = t.video.clips[at.index + 1];
    if (next) parts.push(...this.transitionForm(t, c.id));
    return parts;
  }

  text(c) {
    const box = c.box ?? null;
    const text = h('textarea', { id: 'insp-text', rows: 2, maxlength: 500 });
    text.value = c.text;
    text.addEventListener('change', () => this.change(c.id, { text: text.value }));
    const color = h('input', { id: 'insp-color', type: 'color', value: c.color ?? '#ffffff' });
    color.addEventListener('change', () => this.change(c.id, { color: color.value }));
    const boxOn = h('input', { id: 'insp-box', type: 'checkbox' });
    boxOn.checked = Boolean(box);
    boxOn.addEventListener('change', () => this.change(c.id, {
      box: boxOn.checked ? { color: '#000000', opacity: 0.5, paddingPx: 12 } : null,
    }));
    const parts = [
      h('h3', {}, 'Text clip'),
      field('Text', text),
      field('Font', this.select('insp-font', model.FONTS.map((f) => [f.id, f.label]), c.font ?? 'sans',
        (v) => this.change(c.id, { font: v }))),
      this.plain('Size (px)', 'insp-size', c.sizePx ?? 64, 1, 8, 400, (v) => this.change(c.id, { sizePx: Math.round(v) })),
      field('Colour', color),
      this.plain('Across (0 left – 1 right)', 'insp-x', c.x ?? 0.5, 0.01, 0, 1, (v) => this.change(c.id, { x: v })),
      this.plain('Down (0 top – 1 bottom)', 'insp-y', c.y ?? 0.5, 0.01, 0, 1, (v) => this.change(c.id, { y: v })),
      h('div', { class: 'ed-field ed-check' }, boxOn, h('label', { for: 'insp-box' }, 'Box behind the text')),
    ];
    if (box) {
      const boxColor = h('input', { id: 'insp-box-color', type: 'color', value: box.color ?? '#000000' });
      boxColor.addEventListener('change', () => this.change(c.id, { box: { ...box, color: boxColor.value } }));
      parts.push(field('Box colour', boxColor),
        this.plain('Box opacity', 'insp-box-opacity', box.opacity ?? 0.5, 0.05, 0, 1, (v) => this.change(c.id, { box: { ...box, opacity: v } })),
        this.plain('Box padding (px)', 'insp-box-padding', box.paddingPx ?? 12, 1, 0, 200, (v) => this.change(c.id, { box: { ...box, paddingPx: Math.round(v) } })));
    }
    parts.push(...this.timing(c), ...this.fades(c), ...this.clipActions(c));
    return parts;
  }

  audio(at) {
    const c = at.clip;
    const asset = this.on.assets().get(c.assetId);
    const loop = h('input', { id: 'insp-loop', type: 'checkbox' });
    loop.checked = Boolean(c.loop);
    loop.addEventListener('change', () => this.change(c.id, { loop: loop.checked }));
    return [
      h('h3', {}, `${at.track.role === 'voiceover' ? 'Voice-over' : 'Music'} clip: ${asset?.name ?? 'missing asset'}`),
      ...this.timing(c),
      this.number('Start in source (s)', 'insp-trim', c.trimInMs ?? 0, 0.01, (ms) => this.change(c.id, { trimInMs: ms })),
      this.plain('Volume', 'insp-volume', c.volume ?? 1, 0.05, 0, 2, (v) => this.change(c.id, { volume: v })),
      h('div', { class: 'ed-field ed-check' }, loop, h('label', { for: 'insp-loop' }, 'Loop the source')),
      ...this.fades(c),
      ...this.clipActions(c),
    ];
  }

  transition(t, fromId) {
    return [h('h3', {}, 'Transition'), ...this.transitionForm(t, fromId)];
  }

  project(project) {
    if (!project) return [h('p', {}, 'Loading…')];
    const name = h('input', { id: 'insp-name', type: 'text', maxlength: 200, required: true, value: project.name });
    const form = h('form', { class: 'ed-form', 'aria-label': 'Rename the project' },
      field('Project name', name), h('button', { type: 'submit', id: 'insp-rename' }, 'Rename'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (name.value.trim()) this.on.rename(name.value.trim());
    });
    const o = project.output;
    return [
      h('h3', {}, 'Project'),
      form,
      h('p', {}, `Output ${o.width}×${o.height} at ${o.fps} fps`),
      h('p', { class: 'ed-hint' }, 'Select a clip to change it. Add clips from the library, text with “Add text”.'),
    ];
  }

  // ---- shared pieces

  timing(c) {
    return [
      this.number('Start (s)', 'insp-start', c.startMs, 0.01, (ms) => this.change(c.id, { startMs: ms })),
      this.number('Duration (s)', 'insp-duration', c.durationMs, 0.01, (ms) => this.change(c.id, { durationMs: ms })),
    ];
  }

  fades(c) {
    return [
      this.number('Fade in (s)', 'insp-fade-in', c.fadeInMs ?? 0, 0.1, (ms) => this.change(c.id, { fadeInMs: ms })),
      this.number('Fade out (s)', 'insp-fade-out', c.fadeOutMs ?? 0, 0.1, (ms) => this.change(c.id, { fadeOutMs: ms })),
    ];
  }

  clipActions(c) {
    const t = () => this.on.timeline();
    const a = () => this.on.assets();
    const button = (id, label, action) => h('button', { type: 'button', id, onclick: action }, label);
    return [h('div', { class: 'ed-actions', role: 'group', 'aria-label': 'Clip actions' },
      button('insp-earlier', 'Move earlier', () => this.on.edit(model.move(t(), c.id, -500, a()), c.id)),
      button('insp-later', 'Move later', () => this.on.edit(model.move(t(), c.id, 500, a()), c.id)),
      button('insp-split', `Split at playhead (${clock(this.on.playhead())})`,
        () => this.on.edit(model.split(t(), c.id, this.on.playhead(), a()), c.id)),
      button('insp-delete', 'Delete clip', () => this.on.edit(model.remove(t(), c.id))),
    )];
  }

  transitionForm(t, fromId) {
    const existing = model.transitionFrom(t, fromId);
    const type = this.select('insp-transition-type', model.TRANSITIONS.map((x) => [x.id, x.label]),
      existing?.type ?? 'crossfade', null);
    const duration = h('input', { id: 'insp-transition-duration', type: 'number', min: 0.1, step: 0.1,
      value: seconds(existing?.durationMs ?? 500) });
    const apply = h('button', { type: 'button', id: 'insp-transition-apply' }, existing ? 'Change transition' : 'Add transition');
    apply.addEventListener('click', () => this.on.edit(model.setTransition(this.on.timeline(), fromId, type.value,
      millis(duration.value), this.on.assets()), fromId));
    const parts = [h('fieldset', { class: 'ed-fieldset' }, h('legend', {}, 'Transition to the next clip'),
      field('Kind', type), field('Length (s)', duration, 'At least 0.1 s, at most half the shorter clip'), apply)];
    if (existing) {
      parts[0].append(h('button', { type: 'button', id: 'insp-transition-remove',
        onclick: () => this.on.edit(model.removeTransition(this.on.timeline(), fromId), fromId) }, 'Remove transition'));
    }
    return parts;
  }

  number(label, id, ms, step, apply) {
    const input = h('input', { id, type: 'number', step, min: 0, value: seconds(ms) });
    input.addEventListener('change', () => apply(millis(input.value)));
    return field(label, input);
  }

  plain(label, id, value, step, min, max, apply) {
    const input = h('input', { id, type: 'number', step, min, max, value: String(value) });
    input.addEventListener('change', () => apply(Number(input.value)));
    return field(label, input);
  }

  select(id, options, value, apply) {
    const node = h('select', { id }, options.map(([v, label]) => h('option', { value: v }, label)));
    node.value = value;
    if (apply) node.addEventListener('change', () => apply(node.value));
    return node;
  }

  change(id, changes) {
    this.on.edit(model.update(this.on.timeline(), id, changes, this.on.assets()), null);
  }
}
