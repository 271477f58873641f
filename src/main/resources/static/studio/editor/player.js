// The whole-timeline preview (HLS from the render module, played by a pinned hls.js where the
// browser has no native HLS) and frames while scrubbing (the frames endpoint, which renders
// the saved timeline). The playlist grows while windows render; playback starts with the first.

import { renders } from './remote.js';
import { clock } from './zoom.js';

const HLS = '/studio/vendor/hls.js-1.7.4/hls.light.min.mjs';

export class Player {
  constructor({ video, frame, status, projectId, onTime, savedLengthMs }) {
    this.video = video;
    this.frame = frame;
    this.status = status;
    this.projectId = projectId;
    this.onTime = onTime;
    this.savedLengthMs = savedLengthMs;
    this.hls = null;
    this.previewId = null;
    this.poll = null;
    this.frameWanted = null;
    this.frameBusy = false;
    this.frameUrl = null;
    video.addEventListener('timeupdate', () => {
      if (!video.paused) this.onTime(Math.round(video.currentTime * 1000));
    });
    video.addEventListener('play', () => { this.frame.hidden = true; });
  }

  /** Asks for a preview of the saved timeline and plays it as soon as its first window is ready. */
  async start() {
    this.say('Preparing the preview…');
    let preview;
    try {
      preview = await renders.preview(this.projectId);
    } catch (e) {
      this.say(e.code === 'empty_timeline' ? 'Add a video clip first: the timeline is empty.' : `No preview: ${e.message}`);
      return;
    }
    this.previewId = preview.id;
    this.report(preview);
    await this.attach(preview.playlistUrl);
    clearTimeout(this.poll);
    this.follow(preview.id);
  }

  async attach(url) {
    this.hls?.destroy();
    this.hls = null;
    const video = this.video;
    const { default: Hls } = await import(HLS);
    if (Hls.isSupported()) {
      // hls.js first where Media Source Extensions exist (its behaviour on a growing EVENT
      // playlist is known); no worker: a strict CSP allows no blob: workers; start at 0, not
      // at the "live edge" of a playlist that is still growing
      this.hls = new Hls({ enableWorker: false, startPosition: 0 });
      this.hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) this.say(`The preview stopped: ${data.details}`);
      });
      this.hls.on(Hls.Events.MANIFEST_PARSED, () => this.play());
      this.hls.loadSource(url);
      this.hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url;
      video.addEventListener('loadedmetadata', () => this.play(), { once: true });
    } else {
      this.say('This browser cannot play the preview (neither HLS nor Media Source Extensions).');
    }
  }

  async play() {
    try {
      await this.video.play();
    } catch (e) {
      if (e.name !== 'NotAllowedError') return;
      // browsers may refuse sound without a gesture: play muted, the controls unmute
      this.video.muted = true;
      await this.video.play().catch(() => {});
    }
  }

  follow(id) {
    this.poll = setTimeout(async () => {
      if (id !== this.previewId) return;
      try {
        const preview = await renders.previewStatus(id);
        this.report(preview);
        if (preview.status === 'running') this.follow(id);
      } catch (e) {
        this.say(`Preview status unknown: ${e.message}`);
      }
    }, 1000);
  }

  report(p) {
    if (p.status === 'failed') this.say(`The preview failed: ${p.error?.message ?? 'unknown reason'}`);
    else if (p.status === 'succeeded') this.say(`Preview ready (${clock(p.lengthMs)}; ${p.reused} of ${p.windows} parts reused)`);
    else this.say(`Rendering the preview: ${p.windowsReady} of ${p.windows} parts ready`);
    this.video.dataset.windowsReady = String(p.windowsReady);
  }

  /** Shows the frame at `ms`: the player seeks when it has that time, and a rendered frame is fetched. */
  scrub(ms, final) {
    const video = this.video;
    if (this.hls || video.src) {
      if (!video.paused) video.pause();
      if (Number.isFinite(video.duration) && ms / 1000 <= video.duration) video.currentTime = ms / 1000;
    }
    if (ms >= this.savedLengthMs()) {
      // past the saved video's end there is no frame to ask for
      this.frame.hidden = true;
      return;
    }
    this.frameWanted = { ms, final };
    this.nextFrame();
  }

  async nextFrame() {
    if (this.frameBusy || !this.frameWanted) return;
    const { ms } = this.frameWanted;
    this.frameWanted = null;
    this.frameBusy = true;
    try {
      const blob = await renders.frame(this.projectId, ms, 360);
      if (this.frameUrl) URL.revokeObjectURL(this.frameUrl);
      this.frameUrl = URL.createObjectURL(blob);
      this.frame.src = this.frameUrl;
      this.frame.alt = `Frame at ${clock(ms)} (the last saved version)`;
      this.frame.hidden = false;
      this.frame.dataset.atMs = String(ms);
    } catch (e) {
      // outside the timeline, busy or empty: no frame, say why only when it is not the usual
      if (e.status !== 429 && e.code !== 'outside_timeline' && e.code !== 'empty_timeline') {
        this.say(`No frame: ${e.message}`);
      }
      this.frame.hidden = true;
    } finally {
      this.frameBusy = false;
      if (this.frameWanted) this.nextFrame();
    }
  }

  say(message) {
    this.status.textContent = message;
  }
}
