package dev.atelier.webhooks;

import dev.atelier.webhooks.internal.Outbox;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * How other modules hand a fact to webhooks. Call it inside the transaction that makes the fact
 * true: the event and one delivery per subscribed endpoint are written in that transaction, so a
 * rollback sends nothing and a commit loses nothing.
 */
@Service
public class Webhooks {

    private final Outbox outbox;

    Webhooks(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Records event {@code type} for {@code ownerId}'s endpoints that subscribed to it. {@code factId}
     * names the fact (e.g. the generation id): the event id is derived from type and fact, so the
     * same fact recorded twice is one event. {@code data} is the object as the API shows it.
     *
     * @return the event id ({@code msg_...}), or empty when no endpoint wanted it
     */
    public Optional<String> record(String type, UUID ownerId, String factId, Object data) {
        return outbox.record(type, ownerId, factId, data);
    }
}
