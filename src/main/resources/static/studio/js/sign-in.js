import {signIn} from './api.js';
import {$, busy} from './ui.js';
import {nextPage, pageLoaded, ready} from './shell.js';

const form = $('[data-sign-in]');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!form.reportValidity()) {
    return;
  }
  busy(form, async () => {
    await signIn(form.email.value, form.password.value);
    location.assign(nextPage());
  });
});

// the other form keeps where the person is going
if (new URLSearchParams(location.search).has('next')) {
  document.querySelectorAll('main a[href="/sign-up"]').forEach((a) => { a.search = location.search; });
}

// someone who already has a session goes on to the page they came for (replace: Back does not return here)
ready.then((user) => (user ? location.replace(nextPage()) : pageLoaded()));
