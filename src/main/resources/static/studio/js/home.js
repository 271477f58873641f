// The home page: the shell shows the right buttons; htmx loads the model overview.
import {pageLoaded, ready} from './shell.js';

const overview = document.querySelector('.models-overview');
const settled = new Promise((resolve) => overview.addEventListener('htmx:afterSettle', resolve, {once: true}));
Promise.all([ready, settled]).then(pageLoaded);
