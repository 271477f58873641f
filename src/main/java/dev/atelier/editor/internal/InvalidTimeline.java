package dev.atelier.editor.internal;

import dev.atelier.platform.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** 422 {@code invalid_timeline}: the document breaks its rules; {@code errors} lists every problem. */
final class InvalidTimeline {

    private InvalidTimeline() {
    }

    static ApiException of(List<TimelineProblem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_timeline",
                problems.size() == 1 ? "The timeline has a problem: " + problems.getFirst().message()
                        : "The timeline has " + problems.size() + " problems; see errors")
                .with("errors", problems);
    }
}
