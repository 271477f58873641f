package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A track of music or voice-over; its clips do not overlap. */
@Schema(description = "An audio track of music or voice-over; its clips do not overlap")
public record AudioTrack(
        @Schema(description = "Client-chosen, unique in the document", pattern = "^[A-Za-z0-9_-]{1,64}$",
                requiredMode = Schema.RequiredMode.REQUIRED, example = "music")
        String id,
        @Schema(defaultValue = "music") AudioRole role,
        @ArraySchema(maxItems = 500, schema = @Schema(implementation = AudioClip.class),
                arraySchema = @Schema(description = "At most 500 audio clips over all tracks"))
        List<AudioClip> clips) {

    public AudioTrack {
        role = role == null ? AudioRole.MUSIC : role;
        clips = Lists.of(clips);
    }
}
