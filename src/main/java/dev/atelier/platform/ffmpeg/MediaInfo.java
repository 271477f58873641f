package dev.atelier.platform.ffmpeg;

/**
 * What ffprobe says about a media file. Width and height are those of the first video stream
 * (0 without one); the codecs are ffprobe's names ("h264", "aac", "png") or null without such a
 * stream; the duration is 0 for a still picture.
 */
public record MediaInfo(
        String formatName,
        long durationMs,
        int width,
        int height,
        boolean hasVideo,
        boolean hasAudio,
        String videoCodec,
        String audioCodec) {
}
