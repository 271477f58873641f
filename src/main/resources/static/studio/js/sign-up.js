import {signUp} from './api.js';
import {$, busy} from './ui.js';
import {nextPage, pageLoaded, ready} from './shell.js';

const form = $('[data-sign-up]');
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) {
    return;
  }
  busy(form, async () => {
    await signUp(form.name.value, form.email.value, form.password.value);
    location.assign(nextPage());
  });
});

// the other form keeps where the person is going
if (new URLSearchParams(location.search).has('next')) {
  document.querySelectorAll('main a[href="/sign-in"]').forEach((a) => { a.search = location.search; });
}

// someone who already has a session has no account to make: on to the page they came for
ready.then((user) => (user ? location.replace(nextPage()) : pageLoaded()));
