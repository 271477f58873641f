package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the container, duration, size and codecs of a media file with ffprobe. */
public final class Ffprobe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String ENTRIES =
            "format=duration,format_name:stream=codec_type,codec_name,width,height,duration";

    private final Ffmpeg ffmpeg;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public Ffprobe(Ffmpeg ffmpeg) {
        this(ffmpeg, DEFAULT_TIMEOUT);
    }

    public Ffprobe(Ffmpeg ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /**
     * @throws NoSuchFileException when there is no such file
     * @throws FfmpegException when ffprobe cannot read it as media (corrupt, truncated, not media)
     */
    public MediaInfo probe(Path file) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String output = ffmpeg.probe(
                List.of("-show_entries", ENTRIES, "-of", "json", file.toAbsolutePath().toString()), timeout);
        try {
            return describe(json.readTree(output), file);
        } catch (JacksonException e) {
            throw new FfmpegException("ffprobe printed something that is not JSON for " + file, "", e);
        }
    }

    private static MediaInfo describe(JsonNode root, Path file) throws FfmpegException {
        JsonNode video = firstStream(root, "video");
        JsonNode audio = firstStream(root, "audio");
        if (video == null && audio == null) {
            throw new FfmpegException("no audio or video stream in " + file, "");
        }
        JsonNode format = root.path("format");
        long durationMs = seconds(format.path("duration"));
        if (durationMs == 0) {
            durationMs = Math.max(seconds(video == null ? null : video.path("duration")),
                    seconds(audio == null ? null : audio.path("duration")));
        }
        return new MediaInfo(
                format.path("format_name").asString(""),
                durationMs,
                video == null ? 0 : video.path("width").asInt(0),
                video == null ? 0 : video.path("height").asInt(0),
                video != null,
                audio != null,
                video == null ? null : video.path("codec_name").asString(null),
                audio == null ? null : audio.path("codec_name").asString(null));
    }

    private static JsonNode firstStream(JsonNode root, String codecType) {
        for (JsonNode stream : root.path("streams").values()) {
            if (codecType.equals(stream.path("codec_type").asString(""))) {
                return stream;
            }
        }
        return null;
    }

    /** ffprobe prints durations as decimal seconds in strings, or "N/A" when unknown. */
    private static long seconds(JsonNode value) {
        if (value == null || !value.isValueNode()) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(value.asString("")) * 1000);
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }
}
