package dev.atelier.providers.local.engine;

/** Composed music: AAC in an MP4 audio container (.m4a), 44.1 kHz stereo, of the requested length. */
public record TuneResult(String mediaType, long durationMs) {
}
