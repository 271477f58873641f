// Shows a result as what it is: an image, a video, or sound with its waveform (drawn here from the
// Web Audio decode: no library needed).

import {el} from './ui.js';

/** A fixed-size box (no layout shift when it fills) showing {@code output} ({url, mediaType}). */
export function mediaView(output, label) {
  const type = output.mediaType ?? '';
  if (type.startsWith('image/')) {
    return el('img', {src: output.url, alt: label, loading: 'lazy', decoding: 'async'});
  }
  if (type.startsWith('video/')) {
    return el('video', {src: output.url, controls: true, preload: 'metadata', 'aria-label': label, playsinline: true});
  }
  if (type.startsWith('audio/')) {
    const canvas = el('canvas', {class: 'waveform', width: 600, height: 72, role: 'img', 'aria-label': 'Waveform of ' + label});
    const audio = el('audio', {src: output.url, controls: true, preload: 'metadata', 'aria-label': label});
    drawWaveform(canvas, output.url);
    audio.addEventListener('timeupdate', () => markPlayed(canvas, audio.currentTime / (audio.duration || 1)));
    return el('div', {class: 'audio-box'}, canvas, audio);
  }
  return el('a', {href: output.url}, 'Open the result');
}

const peaksOf = new WeakMap();

async function drawWaveform(canvas, url) {
  try {
    const response = await fetch(url);
    const bytes = await response.arrayBuffer();
    // an offline context decodes without asking to play (no autoplay policy involved)
    const decoded = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(bytes);
    const data = decoded.getChannelData(0);
    const bars = 120;
    const step = Math.max(1, Math.floor(data.length / bars));
    const peaks = [];
    for (let i = 0; i < bars; i++) {
      let peak = 0;
      for (let j = i * step; j < Math.min(data.length, (i + 1) * step); j++) {
        peak = Math.max(peak, Math.abs(data[j]));
      }
      peaks.push(peak);
    }
    peaksOf.set(canvas, peaks);
    markPlayed(canvas, 0);
    canvas.dataset.drawn = 'true';
  } catch {
    canvas.dataset.drawn = 'failed'; // the player still works
  }
}

function markPlayed(canvas, fraction) {
  const peaks = peaksOf.get(canvas);
  if (!peaks) {
    return;
  }
  const context = canvas.getContext('2d');
  const style = getComputedStyle(canvas);
  const played = style.getPropertyValue('--wave-played').trim() || '#4338ca';
  const rest = style.getPropertyValue('--wave-rest').trim() || '#a5a5c0';
  const max = Math.max(...peaks, 0.001);
  const width = canvas.width / peaks.length;
  context.clearRect(0, 0, canvas.width, canvas.height);
  peaks.forEach((peak, i) => {
    const height = Math.max(2, (peak / max) * (canvas.height - 4));
    context.fillStyle = i / peaks.length <= fraction ? played : rest;
    context.fillRect(i * width + 1, (canvas.height - height) / 2, Math.max(1, width - 2), height);
  });
}
