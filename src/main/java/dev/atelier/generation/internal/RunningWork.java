package dev.atelier.generation.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which worker thread on this node is talking to a provider for which job, so that when the job
 * ends elsewhere (canceled, timed out — heard through {@link EventStreams} from any node) the
 * thread is interrupted instead of finishing work nobody will pay for.
 */
@Component
class RunningWork {

    private final Map<UUID, Thread> threads = new ConcurrentHashMap<>();

    void enter(UUID generationId) {
        threads.put(generationId, Thread.currentThread());
    }

    void leave(UUID generationId) {
        threads.remove(generationId, Thread.currentThread());
        Thread.interrupted(); // an interrupt meant for this job must not leak into the worker's next task
    }

    void interrupt(UUID generationId) {
        Thread thread = threads.get(generationId);
        if (thread != null) {
            thread.interrupt();
        }
    }
}
