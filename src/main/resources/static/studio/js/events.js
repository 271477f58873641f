// The live event stream (GET /api/v1/events), read with fetch so the access token goes in the
// Authorization header (EventSource cannot send it, and a token in a URL ends up in logs).
// Reconnects by itself with Last-Event-ID, so nothing is missed while it was away.

import {bearer} from './api.js';

/**
 * Streams events until {@code signal} aborts: onEvent({event, id, data}) with data parsed as JSON.
 * onState('open' | 'retrying') tells the page whether updates are live.
 */
export function streamEvents({onEvent, onState = () => {}, signal}) {
  let lastEventId = null;
  let delay = 1000;
  const run = async () => {
    while (!signal?.aborted) {
      try {
        const headers = {Accept: 'text/event-stream', Authorization: await bearer()};
        if (lastEventId) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch('/api/v1/events', {headers, signal});
        if (response.ok && response.body) {
          onState('open');
          delay = 1000;
          await read(response.body, (message) => {
            if (message.id) {
              lastEventId = message.id;
            }
            if (message.event && message.data !== undefined) {
              let data = message.data;
              try {
                data = JSON.parse(message.data);
              } catch {
                // not JSON: hand over the text
              }
              onEvent({event: message.event, id: message.id, data});
            }
          });
        } else if (response.status === 400) {
          lastEventId = null; // an event id this server no longer knows: start afresh
        }
      } catch (e) {
        if (signal?.aborted) {
          return;
        }
      }
      if (signal?.aborted) {
        return;
      }
      onState('retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  };
  run();
}

/** Splits a text/event-stream body into messages (the WHATWG rules: fields, blank line ends one). */
async function read(body, onMessage) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let message = {data: undefined};
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        onMessage(message);
        message = {data: undefined};
        continue;
      }
      if (line.startsWith(':')) {
        continue; // a keep-alive comment
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let text = colon < 0 ? '' : line.slice(colon + 1);
      if (text.startsWith(' ')) {
        text = text.slice(1);
      }
      if (field === 'data') {
        message.data = message.data === undefined ? text : message.data + '\n' + text;
      } else if (field === 'event') {
        message.event = text;
      } else if (field === 'id') {
        message.id = text;
      }
    }
  }
}
