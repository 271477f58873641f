package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * A piece of a video or image asset placed on the main track. The source used is
 * {@code durationMs * speed} from {@code trimInMs}.
 */
@Schema(description = "A clip of a video or image asset on the main video track")
public record VideoClip(
        @Schema(description = "Client-chosen, unique in the document", pattern = "^[A-Za-z0-9_-]{1,64}$",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "c1")
        String id,
        @Schema(description = "A video or image asset of the project's owner", requiredMode = Schema.RequiredMode.REQUIRED)
        UUID assetId,
        @Schema(description = "Place on the timeline", minimum = "0", maximum = "3600000",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Long startMs,
        @Schema(minimum = "100", maximum = "3600000", requiredMode = Schema.RequiredMode.REQUIRED)
        Long durationMs,
        @Schema(description = "Where in the source it starts (0 for images)", minimum = "0", defaultValue = "0")
        Long trimInMs,
        @Schema(minimum = "0.25", maximum = "4", defaultValue = "1")
        Double speed,
        @Schema(defaultValue = "cover")
        Fit fit,
        @Schema(description = "The clip's own sound (videos with sound)", minimum = "0", maximum = "2", defaultValue = "1")
        Double volume,
        @Schema(description = "A slow zoom/pan, for images only")
        Motion motion) {

    public VideoClip {
        trimInMs = trimInMs == null ? 0L : trimInMs;
        speed = speed == null ? 1.0 : speed;
        fit = fit == null ? Fit.COVER : fit;
        volume = volume == null ? 1.0 : volume;
    }

    /** Where it ends on the timeline. */
    @JsonIgnore
    public long endMs() {
        return startMs + durationMs;
    }

    /** How much of the source it plays: {@code durationMs * speed}, rounded to the millisecond. */
    @JsonIgnore
    public long sourceMs() {
        return Math.round(durationMs * speed);
    }
}
