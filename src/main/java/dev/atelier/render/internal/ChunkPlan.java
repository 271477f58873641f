package dev.atelier.render.internal;

import dev.atelier.render.graph.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a long export is cut: windows of {@code chunkMs}, the last taking a remainder shorter than
 * half a chunk. Boundaries fall on whole frames of the output, so each chunk holds exactly the frames
 * the whole would have between them (the graph counts frames by one rounding rule, so any cut
 * telescopes; whole frames also keep each chunk's own timestamps free of rounding).
 */
final class ChunkPlan {

    private ChunkPlan() {
    }

    static List<Window> windows(long lengthMs, long chunkMs, int fps) {
        List<Window> windows = new ArrayList<>();
        long from = 0;
        while (from < lengthMs) {
            long to = onFrame(from + chunkMs, fps);
            if (to <= from || lengthMs - to < chunkMs / 2) {
                to = lengthMs;
            }
            windows.add(new Window(from, to));
            from = to;
        }
        return windows;
    }

    /** The first millisecond at or after {@code ms} that starts a frame exactly (1000·k/fps). */
    private static long onFrame(long ms, int fps) {
        long frame = (ms * fps + 999) / 1000;
        return (frame * 1000 + fps - 1) / fps;
    }
}
