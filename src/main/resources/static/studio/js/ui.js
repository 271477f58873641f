// Small DOM helpers. Text always goes in as textContent: never innerHTML with anything a user wrote.

/**
 * el('button', {class: 'button', type: 'button', onclick: fn, dataset: {id}}, 'Label', child…)
 * Attributes named on… are listeners; `dataset` and `style`-free by design (the CSP forbids inline styles
 * set as attributes; use classes, or element.style.setProperty from script, which the CSP allows).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'class') {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else if (name in node && !name.includes('-') && typeof value !== 'string') {
      node[name] = value;
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of {@code node}. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return [...root.querySelectorAll(selector)];
}

/** A short message at the corner; errors stay until dismissed. */
export function toast(message, kind = 'info') {
  const box = $('[data-toasts]');
  const close = el('button', {type: 'button', class: 'toast-close', 'aria-label': 'Dismiss'}, '×');
  const item = el('div', {class: ['toast', kind], role: kind === 'error' ? 'alert' : null}, el('span', {}, message), close);
  close.addEventListener('click', () => item.remove());
  box.append(item);
  if (kind !== 'error') {
    setTimeout(() => item.remove(), 5000);
  }
  return item;
}

/** A modal yes/no question (a native dialog: focus trapped, Escape cancels). Resolves true or false. */
export function confirmDialog(message, {confirm = 'Delete', danger = true, title = 'Are you sure?'} = {}) {
  return new Promise((resolve) => {
    const yes = el('button', {type: 'submit', class: ['button', danger ? 'danger' : null], value: 'yes'}, confirm);
    const no = el('button', {type: 'submit', class: 'button ghost', value: 'no', formnovalidate: true}, 'Cancel');
    const dialog = el('dialog', {class: 'dialog', 'aria-labelledby': 'dialog-title'},
        el('form', {method: 'dialog'},
            el('h2', {id: 'dialog-title'}, title),
            el('p', {}, message),
            el('div', {class: 'dialog-actions'}, no, yes)));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'yes');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) {
    return '';
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 && unit > 0 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

export function formatDate(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined) {
    return '';
  }
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Shows the busy state of a form while {@code work} runs, and its error in [data-form-error]. */
export async function busy(form, work) {
  const submit = form.querySelector('[type=submit]');
  const error = form.querySelector('[data-form-error]');
  if (error) {
    error.hidden = true;
  }
  submit && (submit.disabled = true);
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (e) {
    if (error) {
      error.textContent = e.message;
      error.hidden = false;
    } else {
      toast(e.message, 'error');
    }
    return undefined;
  } finally {
    submit && (submit.disabled = false);
    form.removeAttribute('aria-busy');
  }
}

/** Sets a progress bar's value: a <progress> element, so it needs no inline style. */
export function progressBar(value, label) {
  return el('progress', {max: 100, value: value ?? 0, 'aria-label': label});
}
