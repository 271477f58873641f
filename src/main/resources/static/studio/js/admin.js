import {pageLoaded, ready} from './shell.js';

ready.then(pageLoaded);
