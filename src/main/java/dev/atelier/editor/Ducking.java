package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.Schema;

/** Music lowered by {@code db} while any voice-over clip plays. */
@Schema(description = "Music lowered by db while a voice-over clip plays")
public record Ducking(
        @Schema(defaultValue = "true") Boolean enabled,
        @Schema(minimum = "1", maximum = "40", defaultValue = "12") Integer db) {

    /** No ducking: what a document without {@code ducking} means. */
    public static final Ducking OFF = new Ducking(false, 12);

    public Ducking {
        enabled = enabled == null || enabled;
        db = db == null ? 12 : db;
    }
}
