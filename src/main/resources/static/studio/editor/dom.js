// Small DOM helpers for the editor's own widgets (text only through textContent).

/** An element with attributes (`class`, `id`, aria-*, data-*, …; `on<event>` adds a listener) and children. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let counter = 0;

/** A labelled form control: a wrapper with a <label for> and the input. */
export function field(label, input, hint) {
  if (!input.id) input.id = `f${++counter}`;
  const wrap = h('div', { class: 'ed-field' }, h('label', { for: input.id }, label), input);
  if (hint) {
    const help = h('small', { id: `${input.id}-hint`, class: 'ed-hint' }, hint);
    input.setAttribute('aria-describedby', help.id);
    wrap.append(help);
  }
  return wrap;
}

/** Seconds (as people think) ↔ milliseconds (as the document stores). */
export const seconds = (ms) => (Math.round(ms) / 1000).toString();
export const millis = (s) => Math.round(Number(s) * 1000);
