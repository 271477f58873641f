package dev.atelier.platform.ffmpeg;

import java.util.concurrent.Semaphore;

/**
 * How many ffmpeg and ffprobe processes this JVM (node) runs at once; more wait their turn, in
 * order (a queue, never a refusal). Each decode can take a core and hundreds of MB, so a burst of
 * uploads, renders and offline models must not start them all together. JVM-wide like the binaries
 * themselves: set once at start from {@code atelier.ffmpeg.max-processes}.
 */
public final class ToolSlots {

    private static volatile Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private static volatile int size = Math.max(2, Runtime.getRuntime().availableProcessors());

    private ToolSlots() {
    }

    /** Sets how many tools may run at once; runs already holding a slot finish under the old count. */
    public static synchronized void configure(int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("at least one ffmpeg process must be allowed");
        }
        if (processes != size) {
            size = processes;
            slots = new Semaphore(processes, true);
        }
    }

    public static int size() {
        return size;
    }

    /** Runs waiting for a slot now. */
    public static int waiting() {
        return slots.getQueueLength();
    }

    /** Waits for a slot; the returned handle gives it back. */
    static Slot acquire() throws InterruptedException {
        Semaphore semaphore = slots;
        semaphore.acquire();
        return semaphore::release;
    }

    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
