package dev.atelier.render.graph;

import java.util.List;

/**
 * A timeline as the renderer sees it: the editor's document (timeline document v1, see
 * docs/render.md) with every asset resolved to a {@link Media}. Integer milliseconds throughout.
 * The renderer relies on the editor's rules (sorted clips, transitions only between neighbours that
 * overlap by exactly the transition, no other overlap) and re-checks the few it depends on.
 *
 * @param projectHeight the height text sizes were chosen for (they scale to the output height)
 */
public record Edit(
        List<Clip> clips,
        List<Transition> transitions,
        List<Caption> captions,
        List<Sound> sounds,
        Ducking ducking,
        int projectHeight) {

    public Edit {
        clips = List.copyOf(clips);
        transitions = List.copyOf(transitions);
        captions = List.copyOf(captions);
        sounds = List.copyOf(sounds);
        ducking = ducking == null ? Ducking.OFF : ducking;
    }

    /** Clips minus transition overlaps: the end of the last clip (clips are sorted by start). */
    public long lengthMs() {
        return clips.stream().mapToLong(Clip::endMs).max().orElse(0);
    }

    /** A source file, known by its content hash (what a cache key may rely on). */
    public record Media(String sha256, boolean image, boolean hasAudio, long durationMs) {
    }

    public record Clip(String id, Media media, long startMs, long durationMs, long trimInMs, double speed,
            boolean cover, double volume, Motion motion) {

        public long endMs() {
            return startMs + durationMs;
        }
    }

    /** A slow zoom and pan over a still: zoom 1..4, focus centre x/y as fractions of the frame. */
    public record Motion(double zoomFrom, double zoomTo, double xFrom, double yFrom, double xTo, double yTo) {
    }

    /** crossfade | fadeblack | wipeleft | wiperight | slideleft | slideright. */
    public record Transition(String fromClipId, String toClipId, String type, long durationMs) {
    }

    public record Caption(String id, String text, String font, int sizePx, String color, double x, double y,
            Box box, long startMs, long durationMs, long fadeInMs, long fadeOutMs) {

        public long endMs() {
            return startMs + durationMs;
        }
    }

    public record Box(String color, double opacity, int paddingPx) {
    }

    /** A clip of an audio track; {@code voiceover} tells which music is ducked under. */
    public record Sound(String id, boolean voiceover, Media media, long startMs, long durationMs, long trimInMs,
            boolean loop, double volume, long fadeInMs, long fadeOutMs) {

        public long endMs() {
            return startMs + durationMs;
        }
    }

    /** Music lowered by {@code db} while a voice-over plays. */
    public record Ducking(boolean enabled, int db) {
        public static final Ducking OFF = new Ducking(false, 0);
    }
}
