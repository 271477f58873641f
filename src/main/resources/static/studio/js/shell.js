// Runs on every page: who is signed in (through the refresh cookie), the header's name, balance
// and admin link, sign-out. Pages that need a session send guests to the sign-in page.

import {api, currentUser, requireUser, signOut} from './api.js';
import {$, $$, toast} from './ui.js';

const required = document.body.dataset.session === 'required';

function show(user) {
  $$('[data-signed-in]').forEach((node) => { node.hidden = !user; });
  $$('[data-guest]').forEach((node) => { node.hidden = !!user; });
  $$('[data-admin-only]').forEach((node) => { node.hidden = !(user && user.role === 'admin'); });
  const name = $('[data-user-name]');
  if (name) {
    name.textContent = user ? user.name : '';
  }
}

/** Refreshes the header's balance (pages call it after spending or receiving credits). */
export async function refreshBalance() {
  const node = $('[data-balance]');
  if (!node) {
    return;
  }
  try {
    const credits = await api('/api/v1/credits');
    node.textContent = String(credits.available);
  } catch {
    node.textContent = '?';
  }
}

/** The page's user: resolves once the shell knows (null for a guest on an open page). */
export const ready = (async () => {
  let user = null;
  try {
    user = required ? await requireUser() : await currentUser();
  } catch (e) {
    toast(e.message, 'error');
  }
  show(user);
  $('main')?.setAttribute('aria-busy', 'false');
  if (user) {
    refreshBalance();
  }
  return user;
})();

document.addEventListener('click', async (event) => {
  if (event.target.closest('[data-sign-out]')) {
    try {
      await signOut();
    } finally {
      location.assign('/');
    }
  }
});

/**
 * Where a sign-in or sign-up page sends the person afterwards: its {@code ?next=} when that is a
 * path on this site (never elsewhere), otherwise the generate page.
 */
export function nextPage() {
  const target = new URLSearchParams(location.search).get('next');
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')
    ? target : '/generate';
}

/**
 * A page calls this once it shows its first data: the page is no longer busy, and the browser
 * tests know it is ready to be looked at.
 */
export function pageLoaded() {
  document.body.dataset.loaded = 'true';
}
