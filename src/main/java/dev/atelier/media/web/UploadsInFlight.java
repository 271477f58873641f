package dev.atelier.media.web;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.UploadGate;
import dev.atelier.platform.ApiException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * At most {@code atelier.media.uploads-per-user} uploads of one user in flight at once on this node;
 * one more is 429 {@code too_many_uploads} before its body is read. A slow or stalled client ties up
 * its own slots, not the server's memory and threads. Counted per node: a load balancer that keeps a
 * user on one node (or the rate limit, which is shared) bounds the rest.
 */
@Component
class UploadsInFlight implements UploadGate {

    private final int perUser;
    private final Map<UUID, Integer> inFlight = new ConcurrentHashMap<>();

    UploadsInFlight(MediaProperties properties) {
        this.perUser = properties.uploadsPerUser();
    }

    @Override
    public Admission admit(CurrentUser user) {
        boolean[] admitted = {false};
        inFlight.compute(user.id(), (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perUser) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_uploads",
                    "At most " + perUser + " uploads at once; wait for one to finish")
                    .with("retryAfterSeconds", 1)
                    .header("Retry-After", "1");
        }
        return () -> inFlight.computeIfPresent(user.id(), (id, count) -> count <= 1 ? null : count - 1);
    }

    int inFlight(UUID userId) {
        return inFlight.getOrDefault(userId, 0);
    }
}
