package dev.atelier.compat.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.generation.GenerationJob;
import dev.atelier.generation.GenerationJobs;
import dev.atelier.platform.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Waits for jobs on behalf of a client that expects the result in the response (OpenAI's images
 * and speech). It reads the job's row on a short, growing beat; the caller's active-job limit bounds
 * how many such waits one user can hold. Past the limit the job goes on (it is in the history)
 * and the client hears 504 {@code generation_still_running} with the job's id, told not to retry.
 */
@Component
class JobWaiter {

    private static final long FIRST_LOOK_MS = 50;
    private static final long LONGEST_LOOK_MS = 500;
    private final GenerationJobs jobs;

    JobWaiter(GenerationJobs jobs) {
        this.jobs = jobs;
    }

    List<GenerationJob> awaitAll(CurrentUser user, List<UUID> ids, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<GenerationJob> ended = new ArrayList<>();
        for (UUID id : ids) {
            ended.add(await(user, id, deadline));
        }
        return ended;
    }

    private GenerationJob await(CurrentUser user, UUID id, long deadline) {
        long pause = FIRST_LOOK_MS;
        while (true) {
            GenerationJob job = jobs.get(user, id);
            if (job.ended()) {
                return job;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "generation_still_running",
                        "The generation " + id + " is still running; it goes on and will appear in your history")
                        .with("generationId", id.toString())
                        .header("x-should-retry", "false");
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(pause)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting_down",
                        "The server is stopping; the generation " + id + " goes on");
            }
            pause = Math.min(LONGEST_LOOK_MS, pause * 2);
        }
    }
}
