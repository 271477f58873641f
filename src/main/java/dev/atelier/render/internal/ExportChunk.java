package dev.atelier.render.internal;

import java.util.UUID;

/**
 * One piece of a chunked export: {@code n = 0} is the sound of the whole timeline, {@code 1..} the
 * picture's time chunks in order. {@code fileId} names the finished piece in the shared store.
 */
record ExportChunk(UUID exportId, int n, long fromMs, long toMs, String status, int attempts, String node,
        long outMicros, UUID fileId, String errorCode, String errorMessage) {

    static final int SOUND = 0;

    boolean sound() {
        return n == SOUND;
    }

    boolean done() {
        return "done".equals(status);
    }

    boolean failed() {
        return "failed".equals(status);
    }

    long lengthMs() {
        return toMs - fromMs;
    }

    /** The instance id of its {@code run-export-chunk} execution. */
    String instanceId() {
        return exportId + "." + n;
    }
}
