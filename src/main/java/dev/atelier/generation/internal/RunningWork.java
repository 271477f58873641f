package dev.atelier.generation.internal;

import dev.atelier.platform.scheduling.RunningThreads;
import org.springframework.stereotype.Component;

/**
 * Which worker thread on this node is talking to a provider for which job, so that when the job
 * ends elsewhere (canceled, timed out — heard through {@link EventStreams} from any node) the
 * thread is interrupted instead of finishing work nobody will pay for.
 */
@Component
class RunningWork extends RunningThreads {
}
