package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A transition between two neighbouring video clips; the second starts {@code durationMs} before
 * the first ends ({@code to.startMs == from.startMs + from.durationMs - durationMs}).
 */
@Schema(description = "A transition between neighbouring clips, which overlap by exactly durationMs")
public record Transition(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "c1") String fromClipId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "c2") String toClipId,
        @Schema(defaultValue = "crossfade") TransitionType type,
        @Schema(description = "At least 100, at most half the shorter of the two clips", minimum = "100",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Long durationMs) {

    public Transition {
        type = type == null ? TransitionType.CROSSFADE : type;
    }
}
