// Exports: start one (the saved timeline, MP4), follow its progress and time left, offer the
// download when it is done, cancel while it runs.

import { renders } from './remote.js';

const ENDED = new Set(['succeeded', 'failed', 'canceled', 'timed_out']);

export class Exporter {
  constructor({ root, projectId, beforeStart }) {
    this.root = root;
    this.projectId = projectId;
    this.beforeStart = beforeStart;
    this.current = null;
    this.timer = null;
    this.bar = root.querySelector('#export-bar');
    this.text = root.querySelector('#export-status');
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

  follow(id) {
    this.current = id;
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      try {
        const x = await renders.exportStatus(id);
        this.show(x);
        if (!ENDED.has(x.status)) this.follow(id);
      } catch (e) {
        this.say(`Export status unknown: ${e.message}`);
        this.follow(id);
      }
    }, 1000);
  }

  async stop() {
    if (!this.current) return;
    try {
      this.show(await renders.cancelExport(this.current));
    } catch (e) {
      this.say(`Not canceled: ${e.message}`);
    }
  }

  show(x) {
    this.bar.hidden = false;
    this.bar.value = x.progress;
    this.bar.textContent = `${x.progress} %`;
    this.root.dataset.status = x.status;
    this.cancel.hidden = ENDED.has(x.status);
    if (x.status === 'succeeded') {
      this.bar.value = 100;
      this.say(`Export finished: ${x.width}×${x.height}, ${(x.lengthMs / 1000).toFixed(1)} s`);
      this.download.href = x.downloadUrl;
      this.download.hidden = false;
      this.button.disabled = false;
      clearTimeout(this.timer);
    } else if (ENDED.has(x.status)) {
      this.say(`Export ${x.status.replace('_', ' ')}${x.error ? `: ${x.error.message}` : ''}`);
      this.button.disabled = false;
    } else if (x.status === 'queued') {
      this.say('Export queued…');
    } else {
      const left = x.etaSeconds == null ? '' : `, about ${formatLeft(x.etaSeconds)} left`;
      this.say(`Exporting: ${x.progress} %${left}`);
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
