// The project list (/projects): create with an output shape, open, rename, duplicate, delete.

import { projects } from './remote.js';
import { ready, pageLoaded } from '/studio/js/shell.js';
import { confirmDialog } from '/studio/js/ui.js';
import { h, field } from './dom.js';
import { clock } from './zoom.js';

const $ = (id) => document.getElementById(id);
const list = $('project-list');

function say(message, problem = false) {
  const box = $('projects-message');
  box.textContent = message;
  box.classList.toggle('is-problem', problem);
}

function shape(o) {
  if (o.width === o.height) return '1:1';
  return o.width > o.height ? '16:9' : '9:16';
}

function row(p) {
  const link = h('a', { href: `/projects/${p.id}`, class: 'pj-name' }, p.name);
  const item = h('li', { class: 'pj-item', 'data-project-id': p.id },
    link,
    h('span', { class: 'pj-meta' }, `${shape(p.output)} · ${p.output.width}×${p.output.height} · ${clock(p.lengthMs)}`),
    h('span', { class: 'pj-meta' }, `changed ${new Date(p.updatedAt).toLocaleString()}`),
    h('span', { class: 'pj-actions' },
      h('button', { type: 'button', class: 'pj-rename', 'aria-label': `Rename ${p.name}`, onclick: () => renameForm(item, p) }, 'Rename'),
      h('button', { type: 'button', class: 'pj-duplicate', 'aria-label': `Duplicate ${p.name}`, onclick: () => duplicate(p) }, 'Duplicate'),
      h('button', { type: 'button', class: 'pj-delete', 'aria-label': `Delete ${p.name}`, onclick: () => remove(item, p) }, 'Delete')));
  return item;
}

function renameForm(item, p) {
  const input = h('input', { type: 'text', maxlength: 200, required: true, value: p.name, class: 'pj-rename-input' });
  const form = h('form', { class: 'pj-rename-form', 'aria-label': `Rename ${p.name}` },
    field('New name', input),
    h('button', { type: 'submit' }, 'Save name'),
    h('button', { type: 'button', onclick: () => form.replaceWith(row(p)) }, 'Cancel'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const renamed = await projects.rename(p.id, input.value.trim());
      item.replaceWith(row(renamed));
      say(`Renamed to “${renamed.name}”`);
    } catch (err) {
      say(`Not renamed: ${err.message}`, true);
    }
  });
  item.replaceChildren(form);
  input.focus();
  input.select();
}

async function duplicate(p) {
  try {
    const copy = await projects.duplicate(p.id);
    list.prepend(row(copy));
    say(`Made “${copy.name}”`);
    list.querySelector(`[data-project-id="${copy.id}"] a`)?.focus();
  } catch (e) {
    say(`Not duplicated: ${e.message}`, true);
  }
}

async function remove(item, p) {
  const ok = await confirmDialog(`“${p.name}” and its timeline will be gone. Its media stay in the library.`,
    { title: 'Delete this project?', confirm: 'Delete project' });
  if (!ok) return;
  try {
    await projects.remove(p.id);
    item.remove();
    say(`Deleted “${p.name}”`);
    $('new-name').focus();
    $('projects-empty').hidden = list.children.length > 0;
  } catch (e) {
    say(`Not deleted: ${e.message}`, true);
  }
}

async function load(cursor) {
  try {
    const page = await projects.list(cursor);
    page.data.forEach((p) => list.append(row(p)));
    const more = $('projects-more');
    more.hidden = !page.hasMore;
    more.onclick = page.hasMore ? () => load(page.nextCursor) : null;
    $('projects-empty').hidden = list.children.length > 0;
    document.getElementById('projects').dataset.ready = 'true';
    pageLoaded();
  } catch (e) {
    say(`The projects did not load: ${e.message}`, true);
    pageLoaded();
  }
}

$('new-project').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('new-name').value.trim();
  const shapeValue = new FormData(e.target).get('shape');
  const size = $('new-size').value;
  try {
    const p = await projects.create(name, `${shapeValue}-${size}`);
    window.location.assign(`/projects/${p.id}`);
  } catch (err) {
    say(`Not created: ${err.message}`, true);
  }
});

if (await ready) load();
