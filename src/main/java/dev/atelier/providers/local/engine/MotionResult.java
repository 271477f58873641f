package dev.atelier.providers.local.engine;

/** A made video: H.264 and AAC in an MP4, at the requested size and length. */
public record MotionResult(String mediaType, int width, int height, long durationMs) {
}
