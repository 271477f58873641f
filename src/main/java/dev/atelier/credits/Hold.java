package dev.atelier.credits;

import dev.atelier.platform.ApiException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** What placing a hold did: credits set aside for a reference, or refused for want of them. */
public sealed interface Hold {

    /**
     * The credits are held.
     *
     * @param available what the account has left after this hold
     * @param alreadyPlaced true when this reference was held before: nothing new was placed and
     *     this is the first answer again
     */
    record Placed(UUID holdId, long amount, long available, boolean alreadyPlaced) implements Hold {
    }

    /** Too few credits: nothing was held. */
    record Refused(long required, long available) implements Hold {

        /** The problem a controller answers with: 402 {@code insufficient_credits}. */
        public ApiException problem() {
            return new ApiException(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits",
                    "This needs " + required + " credits and " + available + " are available")
                    .with("required", required)
                    .with("available", available);
        }
    }
}
