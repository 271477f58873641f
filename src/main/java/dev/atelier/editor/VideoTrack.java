package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The main video track: clips sorted by start, and transitions between neighbouring clips. */
@Schema(description = "The main video track")
public record VideoTrack(
        @ArraySchema(maxItems = 500, schema = @Schema(implementation = VideoClip.class),
                arraySchema = @Schema(description = "Sorted by startMs; they meet, leave a gap, or overlap by exactly a transition"))
        List<VideoClip> clips,
        @ArraySchema(maxItems = 499, schema = @Schema(implementation = Transition.class))
        List<Transition> transitions) {

    public static final VideoTrack EMPTY = new VideoTrack(List.of(), List.of());

    public VideoTrack {
        clips = Lists.of(clips);
        transitions = Lists.of(transitions);
    }
}
