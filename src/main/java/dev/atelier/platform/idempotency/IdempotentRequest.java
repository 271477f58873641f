package dev.atelier.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The claim of the request being served under an {@code Idempotency-Key}. Its {@code id} stays the
 * same when an abandoned claim is taken over by a retry, so work that must happen once per key
 * (a grant, a job) can use it as its reference: a retry after a crash finds the work already done
 * instead of doing it twice.
 */
public record IdempotentRequest(UUID id, String key) {

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    public static Optional<IdempotentRequest> of(HttpServletRequest request) {
        return Optional.ofNullable((IdempotentRequest) request.getAttribute(ATTRIBUTE));
    }

    /** The claim of the request this thread serves, if it came with a key. */
    public static Optional<IdempotentRequest> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((IdempotentRequest) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
