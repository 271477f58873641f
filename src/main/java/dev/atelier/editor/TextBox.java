package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.Schema;

/** A box drawn behind a text clip. */
@Schema(description = "A box behind a text clip")
public record TextBox(
        @Schema(pattern = "^#[0-9a-fA-F]{6}$", defaultValue = "#000000") String color,
        @Schema(minimum = "0", maximum = "1", defaultValue = "0.5") Double opacity,
        @Schema(description = "At the project's output height", minimum = "0", maximum = "200", defaultValue = "12")
        Integer paddingPx) {

    public TextBox {
        color = color == null ? "#000000" : color;
        opacity = opacity == null ? 0.5 : opacity;
        paddingPx = paddingPx == null ? 12 : paddingPx;
    }
}
