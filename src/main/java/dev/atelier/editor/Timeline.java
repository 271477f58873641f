package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A project's timeline document, schema version 1: one main video track, text clips, audio tracks
 * and the ducking of music under voice-over. Integer milliseconds everywhere. Missing optional
 * members take their defaults here, so a stored document is always complete; a stored document
 * has passed the editor's validation (see docs/editor.md and /work/coord/timeline.md).
 */
@Schema(description = "The timeline document, schema version 1 (integer milliseconds)")
public record Timeline(
        @Schema(description = "Always 1", minimum = "1", maximum = "1", defaultValue = "1")
        Integer schemaVersion,
        @Schema(description = "The main video track")
        VideoTrack video,
        @ArraySchema(maxItems = 500, schema = @Schema(implementation = TextClip.class))
        List<TextClip> text,
        @ArraySchema(maxItems = 8, schema = @Schema(implementation = AudioTrack.class))
        List<AudioTrack> audio,
        @Schema(description = "Music lowered while a voice-over clip plays; absent means off")
        Ducking ducking) {

    public static final int SCHEMA_VERSION = 1;
    public static final Timeline EMPTY = new Timeline(SCHEMA_VERSION, VideoTrack.EMPTY, List.of(), List.of(), null);

    public Timeline {
        schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
        video = video == null ? VideoTrack.EMPTY : video;
        text = Lists.of(text);
        audio = Lists.of(audio);
        ducking = ducking == null ? Ducking.OFF : ducking;
    }

    /**
     * The length of the timeline: the end of the last video clip (transition overlaps are already
     * inside the clips' places); 0 for an empty video track. Text and audio past it are cut.
     */
    @JsonIgnore
    public long lengthMs() {
        return video.clips().stream().filter(c -> c != null && c.startMs() != null && c.durationMs() != null)
                .mapToLong(VideoClip::endMs).max().orElse(0);
    }

    /** Every asset the document uses (video and audio clips), in document order. */
    @JsonIgnore
    public Set<UUID> assetIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        video.clips().stream().filter(c -> c != null && c.assetId() != null).forEach(c -> ids.add(c.assetId()));
        audio.stream().filter(t -> t != null).flatMap(t -> t.clips().stream())
                .filter(c -> c != null && c.assetId() != null).forEach(c -> ids.add(c.assetId()));
        return ids;
    }
}
