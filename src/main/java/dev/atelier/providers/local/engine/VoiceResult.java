package dev.atelier.providers.local.engine;

/** Spoken text: AAC in an MP4 audio container (.m4a), mono, lasting as long as the speech. */
public record VoiceResult(String mediaType, long durationMs) {
}
