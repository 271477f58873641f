package dev.atelier.media.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads format, streams, dimensions and duration with ffprobe, through the given demuxer only. */
public class Prober {

    private final MediaTools tools;
    private final ObjectMapper json;

    public Prober(MediaTools tools, ObjectMapper json) {
        this.tools = tools;
        this.json = json;
    }

    /** Empty when ffprobe cannot read the file as {@code container} at all. */
    public Optional<Probe> probe(Path file, Container container) throws IOException {
        MediaTools.Run run = tools.ffprobe(file.getParent(), List.of("-v", "error",
                "-protocol_whitelist", "file", "-f", container.demuxer(),
                "-print_format", "json", "-show_format", "-show_streams", file.getFileName().toString()));
        if (!run.ok() || run.stdout().isBlank()) {
            return Optional.empty();
        }
        JsonNode root = json.readTree(run.stdout());
        JsonNode format = root.path("format");
        if (format.isMissingNode() || !format.has("format_name")) {
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
        return Optional.of(new Probe(
                format.path("format_name").asString(),
                milliseconds(format.path("duration")),
                video == null ? null : positive(video.path("width")),
                video == null ? null : positive(video.path("height")),
                video != null,
                audio != null,
                video == null ? null : video.path("codec_name").asString(null),
                audio == null ? null : audio.path("codec_name").asString(null)));
    }

    private static Long milliseconds(JsonNode seconds) {
        try {
            double value = Double.parseDouble(seconds.asString(""));
            return Double.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer positive(JsonNode node) {
        int value = node.asInt(0);
        return value > 0 ? value : null;
    }
}
