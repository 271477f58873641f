package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a process stream to its end while keeping at most {@code limit} bytes: the last ones
 * (stderr, where the reason for a failure is) or the first ones (stdout of ffprobe). A process
 * that writes more than we keep never blocks on a full pipe.
 */
final class BoundedCapture {

    private final int limit;
    private final boolean keepTail;
    private byte[] kept = new byte[0];
    private boolean overflowed;

    private BoundedCapture(int limit, boolean keepTail) {
        this.limit = limit;
        this.keepTail = keepTail;
    }

    static BoundedCapture tail(int limit) {
        return new BoundedCapture(limit, true);
    }

    static BoundedCapture head(int limit) {
        return new BoundedCapture(limit, false);
    }

    void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                append(buffer, n);
            }
        } catch (IOException streamClosedBecauseTheProcessWasKilled) {
            // what was read so far is still worth reporting
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int room = limit - kept.length;
        if (n > room) {
            overflowed = true;
        }
        if (!keepTail) {
            int take = Math.min(n, Math.max(room, 0));
            kept = Arrays.copyOf(kept, kept.length + take);
            System.arraycopy(buffer, 0, kept, kept.length - take, take);
            return;
        }
        byte[] joined = Arrays.copyOf(kept, kept.length + n);
        System.arraycopy(buffer, 0, joined, kept.length, n);
        kept = joined.length <= limit ? joined : Arrays.copyOfRange(joined, joined.length - limit, joined.length);
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized byte[] bytes() {
        return kept.clone();
    }

    synchronized String text() {
        return new String(kept, StandardCharsets.UTF_8);
    }
}
