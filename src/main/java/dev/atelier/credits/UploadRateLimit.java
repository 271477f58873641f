package dev.atelier.credits;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.media.UploadGate;
import org.springframework.stereotype.Component;

/**
 * Uploads spend from the user's {@code upload} rate bucket before their body is read: a refused
 * upload costs the server nothing but the refusal (429 {@code rate_limited} with Retry-After).
 */
@Component
class UploadRateLimit implements UploadGate {

    private static final Admission NOTHING_TO_RELEASE = () -> { };
    private final RateLimits rateLimits;

    UploadRateLimit(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public Admission admit(CurrentUser user) {
        rateLimits.check(user, OperationClass.UPLOAD);
        return NOTHING_TO_RELEASE;
    }
}
