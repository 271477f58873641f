package dev.atelier.compat.internal;

import dev.atelier.generation.GenerationJob;
import dev.atelier.generation.GenerationStatus;
import dev.atelier.platform.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A job that did not succeed, said the way OpenAI says a failed request. */
final class JobOutcomes {

    private JobOutcomes() {
    }

    static void requireSucceeded(List<GenerationJob> jobs) {
        for (GenerationJob job : jobs) {
            if (job.status() != GenerationStatus.SUCCEEDED || job.outputs().isEmpty()) {
                throw failure(job);
            }
        }
    }

    private static ApiException failure(GenerationJob job) {
        String code = job.errorCode() == null ? job.status().value() : job.errorCode();
        String message = job.errorMessage() == null ? "The generation ended " + job.status().value()
                : job.errorMessage();
        HttpStatus status = switch (job.status()) {
            case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
            case CANCELED -> HttpStatus.CONFLICT;
            default -> "content_filtered".equals(code) || "invalid_parameters".equals(code)
                    ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY;
        };
        return new ApiException(status, code, message + " (generation " + job.id() + ")")
                .with("generationId", job.id().toString())
                .header("x-should-retry", "false"); // the credits were released; a retry is a new job
    }
}
