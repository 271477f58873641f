// Exports: start one (the saved timeline, MP4), follow its progress and time left, offer the
// download when it is done, cancel while it runs.
//
// Following: the event stream's `export.updated` (GET /api/v1/events: id, status, progress,
// etaSeconds) moves the bar. Those events are not replayed after a reconnect, so each time the
// stream (re)opens the export is read once to catch up; while the stream is down, the export is
// read once a second until it is back. The end is always read whole (size, length, download link).

import { renders } from './remote.js';
import { streamEvents } from '/studio/js/events.js';

const ENDED = new Set(['succeeded', 'failed', 'canceled', 'timed_out']);
const POLL_MS = 1000;

export class Exporter {
  constructor({ root, projectId, beforeStart }) {
    this.root = root;
    this.projectId = projectId;
    this.beforeStart = beforeStart;
    this.current = null;
    this.view = null;
    this.timer = null;
    this.stream = null;
    this.bar = root.querySelector('#export-bar');
    this.text = root.querySelector('#export-status');
    this.left = root.querySelector('#export-left');
    this.download = root.querySelector('#export-download');
    this.cancel = root.querySelector('#export-cancel');
    this.button = root.querySelector('#export-start');
    this.resolution = root.querySelector('#export-resolution');
    this.button.addEventListener('click', () => this.start());
    this.cancel.addEventListener('click', () => this.stop());
  }

  /** Shows the project's latest export (following it while it runs), as left on another visit. */
  async resume() {
    try {
      const page = await renders.exports(this.projectId);
      const latest = page.data[0];
      if (!latest) return;
      this.show(latest);
      if (!ENDED.has(latest.status)) {
        this.button.disabled = true;
        this.follow(latest.id);
      }
    } catch (e) {
      this.say(`Earlier exports unknown: ${e.message}`);
    }
  }

  async start() {
    if (!(await this.beforeStart())) {
      this.say('Save the project first (it did not save).');
      return;
    }
    this.button.disabled = true;
    this.download.hidden = true;
    try {
      const started = await renders.exportVideo(this.projectId, this.resolution.value);
      this.show(started);
      this.follow(started.id);
    } catch (e) {
      this.say(e.status === 402 ? `Not enough credits: ${e.message}` : `The export did not start: ${e.message}`);
      this.button.disabled = false;
    }
  }

  /** Follows one export through the event stream, polling only while the stream is down. */
  follow(id) {
    this.unfollow();
    this.current = id;
    const stream = new AbortController();
    this.stream = stream;
    streamEvents({
      signal: stream.signal,
      onEvent: ({ event, data }) => {
        if (event === 'export.updated' && data?.id === this.current && !stream.signal.aborted) {
          this.update(data, 'stream');
        }
      },
      onState: (state) => {
        if (stream.signal.aborted) return;
        if (state === 'open') {
          this.stopPolling();
          this.read('stream-open'); // what happened before the stream (re)opened
        } else {
          this.poll();
        }
      },
    });
  }

  unfollow() {
    this.stream?.abort();
    this.stream = null;
    this.stopPolling();
  }

  poll() {
    if (this.timer || !this.current) return;
    this.timer = setTimeout(async () => {
      this.timer = null;
      await this.read('poll');
      if (this.stream && this.current) this.poll();
    }, POLL_MS);
  }

  stopPolling() {
    clearTimeout(this.timer);
    this.timer = null;
  }

  async read(source) {
    const id = this.current;
    if (!id) return;
    try {
      const x = await renders.exportStatus(id);
      if (id === this.current) this.update(x, source);
    } catch (e) {
      this.say(`Export status unknown: ${e.message}`);
    }
  }

  /** A state from an event (partial: no size or link) or from the API (whole). */
  update(x, source) {
    if (this.view && ENDED.has(this.view.status) && this.view.id === x.id) return; // an end is final
    const merged = { ...(this.view?.id === x.id ? this.view : {}), ...x };
    if (!ENDED.has(x.status) && this.view?.id === x.id) {
      merged.progress = Math.max(x.progress ?? 0, this.view.progress ?? 0); // events and reads may cross
    }
    this.root.dataset.source = source;
    if (ENDED.has(x.status) && source === 'stream') {
      this.read('stream-end'); // the event says it ended; the export itself has the link or the reason
      return;
    }
    this.show(merged);
    if (ENDED.has(x.status)) this.unfollow();
  }

  async stop() {
    if (!this.current) return;
    try {
      this.update(await renders.cancelExport(this.current), 'cancel');
    } catch (e) {
      this.say(`Not canceled: ${e.message}`);
    }
  }

  show(x) {
    this.view = x;
    this.bar.hidden = false;
    this.bar.value = x.progress ?? 0;
    this.bar.textContent = `${x.progress ?? 0} %`;
    this.root.dataset.status = x.status;
    this.cancel.hidden = ENDED.has(x.status);
    const running = x.status === 'running';
    if (running && x.etaSeconds != null) this.root.dataset.eta = String(x.etaSeconds);
    else delete this.root.dataset.eta;
    this.left.hidden = !(running && x.etaSeconds != null);
    this.left.textContent = this.left.hidden ? '' : `About ${formatLeft(x.etaSeconds)} left`;
    if (x.status === 'succeeded') {
      this.bar.value = 100;
      this.say(`Export finished: ${x.width}×${x.height}, ${(x.lengthMs / 1000).toFixed(1)} s`);
      this.download.href = x.downloadUrl;
      this.download.hidden = false;
      this.button.disabled = false;
    } else if (ENDED.has(x.status)) {
      this.say(`Export ${x.status.replace('_', ' ')}${x.error ? `: ${x.error.message}` : ''}`);
      this.button.disabled = false;
    } else if (x.status === 'queued') {
      this.say('Export queued…');
    } else {
      this.say(`Exporting: ${x.progress ?? 0} %`);
    }
  }

  say(message) {
    this.text.textContent = message;
  }
}

function formatLeft(seconds) {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
