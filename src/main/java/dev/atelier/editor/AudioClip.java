package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A piece of an audio asset (or a video with sound) on an audio track. */
@Schema(description = "A piece of an audio asset, or of a video with sound, on an audio track")
public record AudioClip(
        @Schema(description = "Client-chosen, unique in the document", pattern = "^[A-Za-z0-9_-]{1,64}$",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "m1")
        String id,
        @Schema(description = "An audio asset, or a video with sound, of the project's owner",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UUID assetId,
        @Schema(minimum = "0", maximum = "3600000", requiredMode = Schema.RequiredMode.REQUIRED) Long startMs,
        @Schema(minimum = "100", maximum = "3600000", requiredMode = Schema.RequiredMode.REQUIRED) Long durationMs,
        @Schema(minimum = "0", defaultValue = "0") Long trimInMs,
        @Schema(description = "Repeat the source to fill durationMs", defaultValue = "false") Boolean loop,
        @Schema(minimum = "0", maximum = "2", defaultValue = "1") Double volume,
        @Schema(minimum = "0", description = "fadeInMs + fadeOutMs <= durationMs", defaultValue = "0") Long fadeInMs,
        @Schema(minimum = "0", defaultValue = "0") Long fadeOutMs) {

    public AudioClip {
        trimInMs = trimInMs == null ? 0L : trimInMs;
        loop = loop != null && loop;
        volume = volume == null ? 1.0 : volume;
        fadeInMs = fadeInMs == null ? 0L : fadeInMs;
        fadeOutMs = fadeOutMs == null ? 0L : fadeOutMs;
    }

    @JsonIgnore
    public long endMs() {
        return startMs + durationMs;
    }
}
