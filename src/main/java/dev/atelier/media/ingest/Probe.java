package dev.atelier.media.ingest;

/**
 * What ffprobe found in a file (the shape of the shared {@code Ffprobe}'s {@code MediaInfo}).
 * Cover art in an audio file is not counted as video.
 */
public record Probe(
        String formatName,
        Long durationMs,
        Integer width,
        Integer height,
        boolean hasVideo,
        boolean hasAudio,
        String videoCodec,
        String audioCodec) {
}
