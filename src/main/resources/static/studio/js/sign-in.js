import {signIn} from './api.js';
import {$, busy} from './ui.js';
import {pageLoaded, ready} from './shell.js';

function next() {
  const target = new URLSearchParams(location.search).get('next');
  // only a path on this site: never send someone elsewhere after signing in
  return target && target.startsWith('/') && !target.startsWith('//') ? target : '/generate';
}

const form = $('[data-sign-in]');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) {
    return;
  }
  busy(form, async () => {
    await signIn(form.email.value, form.password.value);
    location.assign(next());
  });
});

ready.then(pageLoaded);
