package dev.atelier.render.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which thread on this node renders which export, so a cancel here stops its ffmpeg at once (the
 * runner's status watch stops renders ended on another node within a second).
 */
@Component
class RunningRenders {

    private final Map<UUID, Thread> threads = new ConcurrentHashMap<>();

    void enter(UUID id) {
        threads.put(id, Thread.currentThread());
    }

    void leave(UUID id) {
        threads.remove(id, Thread.currentThread());
        Thread.interrupted(); // an interrupt meant for this render must not leak into the worker's next task
    }

    void interrupt(UUID id) {
        Thread thread = threads.get(id);
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean runsHere(UUID id) {
        return threads.containsKey(id);
    }
}
