// Time ↔ pixels on the timeline, at a zoom level from a fixed ladder (pixels per second).

export const LEVELS = Object.freeze([5, 10, 20, 40, 80, 160, 320]);

export class Zoom {
  constructor(level = 3) {
    this.level = Math.max(0, Math.min(LEVELS.length - 1, level));
  }

  get pxPerSecond() {
    return LEVELS[this.level];
  }

  /** Pixels from the timeline's start for a time in milliseconds. */
  px(ms) {
    return (ms * this.pxPerSecond) / 1000;
  }

  /** Milliseconds for a pixel offset, rounded to whole milliseconds. */
  ms(px) {
    return Math.round((px * 1000) / this.pxPerSecond);
  }

  canZoomIn() {
    return this.level < LEVELS.length - 1;
  }

  canZoomOut() {
    return this.level > 0;
  }

  zoomIn() {
    if (this.canZoomIn()) this.level++;
    return this;
  }

  zoomOut() {
    if (this.canZoomOut()) this.level--;
    return this;
  }

  /** The step a keyboard nudge moves: about 10 px at this zoom, never under 10 ms. */
  nudgeMs() {
    return Math.max(10, this.ms(10));
  }

  /** A ruler tick spacing in ms that leaves at least `minPx` between ticks. */
  tickMs(minPx = 60) {
    const steps = [100, 250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000];
    return steps.find((s) => this.px(s) >= minPx) ?? steps[steps.length - 1];
  }
}

/** "m:ss.s" for a time in milliseconds. */
export function clock(ms) {
  const total = Math.max(0, Math.round(ms / 100)) / 10;
  const minutes = Math.floor(total / 60);
  const seconds = (total - minutes * 60).toFixed(1).padStart(4, '0');
  return `${minutes}:${seconds}`;
}
