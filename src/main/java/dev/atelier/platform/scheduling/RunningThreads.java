package dev.atelier.platform.scheduling;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which thread on this node works on which piece of work (a generation, a render), so that work
 * ended elsewhere (canceled, timed out) can be stopped here at once by interrupting its thread.
 * Each module keeps its own (a subclass bean): ids of different kinds never meet.
 */
public class RunningThreads {

    private final Map<UUID, Thread> threads = new ConcurrentHashMap<>();

    /** The current thread now works on {@code id}. */
    public void enter(UUID id) {
        threads.put(id, Thread.currentThread());
    }

    /** The current thread is done with {@code id}; an interrupt meant for it does not leak into its next task. */
    public void leave(UUID id) {
        threads.remove(id, Thread.currentThread());
        Thread.interrupted();
    }

    public void interrupt(UUID id) {
        Thread thread = threads.get(id);
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean runsHere(UUID id) {
        return threads.containsKey(id);
    }
}
