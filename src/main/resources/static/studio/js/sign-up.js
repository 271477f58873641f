import {signUp} from './api.js';
import {$, busy} from './ui.js';
import {pageLoaded, ready} from './shell.js';

const form = $('[data-sign-up]');
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) {
    return;
  }
  busy(form, async () => {
    await signUp(form.name.value, form.email.value, form.password.value);
    location.assign('/generate');
  });
});

ready.then(pageLoaded);
