package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

/** Text drawn over the video for a while. */
@Schema(description = "Text drawn over the video")
public record TextClip(
        @Schema(description = "Client-chosen, unique in the document", pattern = "^[A-Za-z0-9_-]{1,64}$",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "t1")
        String id,
        @Schema(description = "1..500 characters, no control characters except \\n", minLength = 1, maxLength = 500,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String text,
        @Schema(defaultValue = "sans") Font font,
        @Schema(description = "At the project's output height (scaled for other resolutions)", minimum = "8",
                maximum = "400", defaultValue = "64")
        Integer sizePx,
        @Schema(pattern = "^#[0-9a-fA-F]{6}$", defaultValue = "#ffffff") String color,
        @Schema(description = "Centre of the text, fraction of the frame's width", minimum = "0", maximum = "1",
                defaultValue = "0.5")
        Double x,
        @Schema(description = "Centre of the text, fraction of the frame's height", minimum = "0", maximum = "1",
                defaultValue = "0.5")
        Double y,
        @Schema(description = "A box behind the text; absent means none") TextBox box,
        @Schema(minimum = "0", maximum = "3600000", requiredMode = Schema.RequiredMode.REQUIRED) Long startMs,
        @Schema(minimum = "100", maximum = "3600000", requiredMode = Schema.RequiredMode.REQUIRED) Long durationMs,
        @Schema(minimum = "0", description = "fadeInMs + fadeOutMs <= durationMs", defaultValue = "0") Long fadeInMs,
        @Schema(minimum = "0", defaultValue = "0") Long fadeOutMs) {

    public TextClip {
        font = font == null ? Font.SANS : font;
        sizePx = sizePx == null ? 64 : sizePx;
        color = color == null ? "#ffffff" : color;
        x = x == null ? 0.5 : x;
        y = y == null ? 0.5 : y;
        fadeInMs = fadeInMs == null ? 0L : fadeInMs;
        fadeOutMs = fadeOutMs == null ? 0L : fadeOutMs;
    }

    @JsonIgnore
    public long endMs() {
        return startMs + durationMs;
    }
}
