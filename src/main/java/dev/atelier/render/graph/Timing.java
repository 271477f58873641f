package dev.atelier.render.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where the pieces of a window lie on the timeline; the rules the graph depends on, re-checked. */
final class Timing {

    /** The part {@code [fromMs, toMs)} of a clip, and the transition that joins it to the piece before. */
    record Piece(Edit.Clip clip, long fromMs, long toMs, Edit.Transition transitionIn) {
    }

    private Timing() {
    }

    /**
     * The editor validates timelines; the renderer still refuses one it cannot render correctly
     * (a stored document from an older rule, a bug), with a reason instead of a wrong video.
     */
    static void check(Edit edit) {
        List<Edit.Clip> clips = edit.clips();
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("the timeline has no video clips");
        }
        Map<String, Edit.Transition> into = transitionsInto(edit);
        for (int i = 0; i < clips.size(); i++) {
            Edit.Clip clip = clips.get(i);
            if (clip.durationMs() < 1 || clip.startMs() < 0 || clip.speed() < 0.25 || clip.speed() > 4) {
                throw new IllegalArgumentException("clip " + clip.id() + " has a bad place, length or speed");
            }
            if (i == 0) {
                continue;
            }
            Edit.Clip prev = clips.get(i - 1);
            Edit.Transition t = into.get(clip.id());
            if (t != null) {
                if (!t.fromClipId().equals(prev.id()) || clip.startMs() != prev.endMs() - t.durationMs()
                        || t.durationMs() <= 0 || 2 * t.durationMs() > Math.min(prev.durationMs(), clip.durationMs())
                        || !FilterGraph.TRANSITIONS.contains(t.type())) {
                    throw new IllegalArgumentException("the transition into clip " + clip.id() + " does not fit");
                }
            } else if (clip.startMs() < prev.endMs()) {
                throw new IllegalArgumentException("clip " + clip.id() + " overlaps clip " + prev.id());
            }
        }
    }

    /** The window widened so that no transition straddles its edges. */
    static Window widen(Edit edit, Window window) {
        long from = window.fromMs();
        long to = window.toMs();
        Map<String, Edit.Clip> byId = new HashMap<>();
        edit.clips().forEach(c -> byId.put(c.id(), c));
        for (Edit.Transition t : edit.transitions()) {
            long start = byId.get(t.toClipId()).startMs();
            long end = byId.get(t.fromClipId()).endMs();
            if (start < from && from < end) {
                from = start;
            }
            if (start < to && to < end) {
                to = end;
            }
        }
        return new Window(from, to);
    }

    /** The clips overlapping the (widened) window, each cut to it; pieces of no whole frame are left out. */
    static List<Piece> pieces(Edit edit, Window wide) {
        Map<String, Edit.Transition> into = transitionsInto(edit);
        List<Piece> pieces = new ArrayList<>();
        for (Edit.Clip clip : edit.clips()) {
            if (clip.endMs() <= wide.fromMs() || clip.startMs() >= wide.toMs()) {
                continue;
            }
            Edit.Transition t = into.get(clip.id());
            boolean joined = t != null && !pieces.isEmpty()
                    && pieces.getLast().clip().id().equals(t.fromClipId());
            pieces.add(new Piece(clip, Math.max(clip.startMs(), wide.fromMs()), Math.min(clip.endMs(), wide.toMs()),
                    joined ? t : null));
        }
        return pieces;
    }

    private static Map<String, Edit.Transition> transitionsInto(Edit edit) {
        Map<String, Edit.Transition> into = new HashMap<>();
        for (Edit.Transition t : edit.transitions()) {
            into.put(t.toClipId(), t);
        }
        return into;
    }
}
