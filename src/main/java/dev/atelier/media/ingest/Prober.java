package dev.atelier.media.ingest;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.platform.ffmpeg.MediaInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads format, streams, dimensions and duration with ffprobe. Stricter than the shared
 * {@code Ffprobe}: the demuxer is the one the bytes were sniffed as (forced with {@code -f}),
 * only local files may be opened, and cover art in a sound file does not count as video.
 */
public class Prober {

    private final Ffmpeg ffmpeg;
    private final ObjectMapper json;
    private final Duration timeout;
    private final DecodeLimits limits;

    public Prober(Ffmpeg ffmpeg, ObjectMapper json, Duration timeout) {
        this(ffmpeg, json, timeout, DecodeLimits.DEFAULTS);
    }

    public Prober(Ffmpeg ffmpeg, ObjectMapper json, Duration timeout, DecodeLimits limits) {
        this.ffmpeg = ffmpeg;
        this.json = json;
        this.timeout = timeout;
        this.limits = limits;
    }

    /** What the headers say, and the video's frame count (from the header, else rate × duration; 0 unknown). */
    public record Probed(MediaInfo info, long frames) {
    }

    /** Empty when ffprobe cannot read the file as {@code container} at all. */
    public Optional<MediaInfo> probe(Path file, Container container) throws IOException {
        return probeFrames(file, container).map(Probed::info);
    }

    /**
     * Reads the headers. ffprobe runs under the same bounds as a decode ({@link DecodeLimits#inputOptions}):
     * finding stream parameters can decode a frame, and a hostile file must not cost more there either.
     */
    public Optional<Probed> probeFrames(Path file, Container container) throws IOException {
        String output;
        try {
            List<String> command = new java.util.ArrayList<>(limits.inputOptions(container));
            command.addAll(List.of("-protocol_whitelist", "file", "-f", container.demuxer(),
                    "-print_format", "json", "-show_format", "-show_streams", "file:" + file.toAbsolutePath()));
            output = ffmpeg.probe(command, timeout);
        } catch (FfmpegException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while probing");
        }
        JsonNode root;
        try {
            root = json.readTree(output);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        JsonNode format = root.path("format");
        if (!format.has("format_name")) {
            return Optional.empty();
        }
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            boolean coverArt = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if (video == null && type.equals("video") && !coverArt) {
                video = stream;
            } else if (audio == null && type.equals("audio")) {
                audio = stream;
            }
        }
        long durationMs = milliseconds(format.path("duration"));
        return Optional.of(new Probed(new MediaInfo(
                format.path("format_name").asString(),
                milliseconds(format.path("duration")),
                video == null ? 0 : Math.max(0, video.path("width").asInt(0)),
                video == null ? 0 : Math.max(0, video.path("height").asInt(0)),
                video != null,
                audio != null,
                video == null ? null : video.path("codec_name").asString(null),
                audio == null ? null : audio.path("codec_name").asString(null)), frames(video, durationMs)));
    }

    private static long frames(JsonNode video, long durationMs) {
        if (video == null) {
            return 0;
        }
        try {
            long counted = Long.parseLong(video.path("nb_frames").asString(""));
            if (counted > 0) {
                return counted;
            }
        } catch (NumberFormatException unknown) {
            // not in the header: estimate from the rate
        }
        String[] rate = video.path("avg_frame_rate").asString("0/0").split("/");
        try {
            double fps = Double.parseDouble(rate[0]) / Double.parseDouble(rate.length > 1 ? rate[1] : "1");
            return Double.isFinite(fps) && fps > 0 ? Math.round(fps * durationMs / 1000.0) : 0;
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }

    /** 0 when unknown, as in {@link MediaInfo}. */
    private static long milliseconds(JsonNode seconds) {
        try {
            double value = Double.parseDouble(seconds.asString(""));
            return Double.isFinite(value) && value > 0 ? Math.round(value * 1000) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
