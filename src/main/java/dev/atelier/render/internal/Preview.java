package dev.atelier.render.internal;

import dev.atelier.accounts.Owned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A preview: the timeline cut into windows, each an HLS segment found in the cache by its key.
 *
 * @param windows the cache key of each window, in order
 * @param windowEnds where each window ends on the timeline (ms); the first starts at 0
 * @param rendered windows this preview had to render; {@code reused} ones came from the cache
 */
record Preview(
        UUID id,
        UUID ownerId,
        UUID projectId,
        long projectVersion,
        long lengthMs,
        long windowMs,
        String timeline,
        int width,
        int height,
        int fps,
        int projectHeight,
        List<String> windows,
        List<Long> windowEnds,
        String status,
        int rendered,
        int reused,
        String errorCode,
        String errorMessage,
        Instant createdAt,
        Instant finishedAt) implements Owned {

    long windowStart(int index) {
        return index == 0 ? 0 : windowEnds.get(index - 1);
    }

    /** Fixed windows of {@code windowMs}; a last piece shorter than a second joins the one before. */
    static List<Long> plan(long lengthMs, long windowMs) {
        List<Long> ends = new java.util.ArrayList<>();
        for (long end = windowMs; end < lengthMs; end += windowMs) {
            ends.add(end);
        }
        if (!ends.isEmpty() && lengthMs - ends.getLast() < 1000) {
            ends.removeLast();
        }
        ends.add(lengthMs);
        return ends;
    }
}
