package dev.atelier.webhooks.internal;

import java.util.Map;
import java.util.Set;

/**
 * The one list of allowed delivery state changes. A pending delivery is attempted until it
 * succeeds or is given up (its retry window is over, the endpoint answered 410 Gone or was
 * disabled); a finished one goes back to pending only by a manual redelivery.
 *
 * <pre>
 * pending   → pending (retry scheduled) | succeeded | failed
 * succeeded → pending (redelivery)
 * failed    → pending (redelivery)
 * </pre>
 */
final class DeliveryStates {

    enum State {
        PENDING, SUCCEEDED, FAILED;

        String value() {
            return name().toLowerCase();
        }

        static State of(String value) {
            return valueOf(value.toUpperCase());
        }
    }

    private static final Map<State, Set<State>> ALLOWED = Map.of(
            State.PENDING, Set.of(State.PENDING, State.SUCCEEDED, State.FAILED),
            State.SUCCEEDED, Set.of(State.PENDING),
            State.FAILED, Set.of(State.PENDING));

    private DeliveryStates() {
    }

    static boolean allowed(State from, State to) {
        return ALLOWED.get(from).contains(to);
    }
}
