// What a clip shows of its media: a thumbnail strip behind video and image clips (the asset's
// thumbnail from the API), and a waveform behind audio clips, decoded once per asset with Web Audio
// (an OfflineAudioContext: no autoplay policy involved) and kept, so redraws of the timeline cost
// nothing. Both sit absolutely inside the clip (no layout shift when they arrive) and are sized
// with the CSSOM and canvas attributes (no style attributes under the CSP).

const BARS_PER_SECOND = 40;
const MAX_BARS = 20000;
const peaks = new Map(); // asset id → Promise<{peaks: Float32Array, durationMs}>

/** The decoded peaks of an audio asset (0…1 per bar), fetched and decoded on first use only. */
function peaksOf(asset) {
  let pending = peaks.get(asset.id);
  if (!pending) {
    pending = (async () => {
      const response = await fetch(asset.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const decoded = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(await response.arrayBuffer());
      const data = decoded.getChannelData(0);
      const bars = Math.max(1, Math.min(MAX_BARS, Math.ceil(decoded.duration * BARS_PER_SECOND)));
      const step = data.length / bars;
      const out = new Float32Array(bars);
      let max = 0.001;
      for (let i = 0; i < bars; i++) {
        let peak = 0;
        for (let j = Math.floor(i * step), end = Math.min(data.length, Math.floor((i + 1) * step)); j < end; j++) {
          const v = Math.abs(data[j]);
          if (v > peak) peak = v;
        }
        out[i] = peak;
        if (peak > max) max = peak;
      }
      for (let i = 0; i < bars; i++) out[i] /= max;
      return { peaks: out, durationMs: decoded.duration * 1000 };
    })();
    pending.catch(() => peaks.delete(asset.id)); // a later redraw may try again
    peaks.set(asset.id, pending);
  }
  return pending;
}

/** A thumbnail behind a video or image clip; null when the asset has none. */
export function thumbnail(asset) {
  const url = asset?.thumbnailUrl ?? (asset?.kind === 'image' ? asset.url : null);
  if (!url) return null;
  const img = document.createElement('img');
  img.className = 'tl-clip-thumb';
  img.alt = '';
  img.decoding = 'async';
  img.draggable = false;
  img.src = url;
  return img;
}

/**
 * A waveform behind an audio clip: the part of the source the clip plays (from trimInMs, at its
 * speed), `widthPx` wide. Drawn at once when the asset was decoded before, else when it is.
 */
export function waveform(asset, clip, widthPx) {
  if (!asset?.url || asset.kind === 'image') return null;
  const canvas = document.createElement('canvas');
  canvas.className = 'tl-clip-wave';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.width = Math.max(1, Math.min(8000, Math.round(widthPx)));
  canvas.height = 32;
  peaksOf(asset).then((p) => draw(canvas, clip, p), () => { canvas.dataset.drawn = 'failed'; });
  return canvas;
}

function draw(canvas, clip, { peaks: bars, durationMs }) {
  const context = canvas.getContext('2d');
  const colour = getComputedStyle(canvas).getPropertyValue('--wave').trim() || 'rgba(255,255,255,.55)';
  const speed = clip.speed ?? 1;
  const from = clip.trimInMs ?? 0;
  const msPerPx = (clip.durationMs * speed) / canvas.width;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = colour;
  const middle = canvas.height / 2;
  for (let x = 0; x < canvas.width; x++) {
    let sourceMs = from + x * msPerPx;
    if (clip.loop && durationMs > 0) sourceMs %= durationMs;
    const i = Math.floor((sourceMs / durationMs) * bars.length);
    if (i < 0 || i >= bars.length) continue;
    const h = Math.max(1, bars[i] * (canvas.height - 2));
    context.fillRect(x, middle - h / 2, 1, h);
  }
  canvas.dataset.drawn = 'true';
}
