// The editor's form helpers on top of the studio's ui.js.

/** The studio's element helper (textContent only), under the short name the editor uses. */
export { el as h } from '/studio/js/ui.js';
import { el as h } from '/studio/js/ui.js';

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
