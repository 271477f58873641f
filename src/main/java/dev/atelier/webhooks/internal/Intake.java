package dev.atelier.webhooks.internal;

import dev.atelier.credits.Balance;
import dev.atelier.credits.Credits;
import dev.atelier.credits.CreditsCaptured;
import dev.atelier.generation.GenerationFinished;
import dev.atelier.render.ExportFinished;
import dev.atelier.webhooks.WebhookEventTypes;
import dev.atelier.webhooks.WebhooksProperties;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where facts from other modules become webhook events. The listeners are synchronous on
 * purpose: they run inside the transaction that published the fact, so its deliveries commit
 * with it or not at all (an after-commit or asynchronous listener could lose them in a crash,
 * or send news of a change that was rolled back).
 */
@Component
class Intake {

    private final Outbox outbox;
    private final EndpointRows endpoints;
    private final SettingsRows settings;
    private final Credits credits;
    private final WebhooksProperties properties;

    Intake(Outbox outbox, EndpointRows endpoints, SettingsRows settings, Credits credits,
            WebhooksProperties properties) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.settings = settings;
        this.credits = credits;
        this.properties = properties;
    }

    @EventListener
    void on(GenerationFinished finished) {
        outbox.record(WebhookEventTypes.generation(finished.status()), finished.ownerId(),
                finished.generationId().toString(), finished.generation());
    }

    /**
     * {@code export.succeeded} or {@code export.failed} (a timed-out export failed too); an export its
     * owner canceled is not reported: they know.
     */
    @EventListener
    void on(ExportFinished finished) {
        String status = switch (finished.status()) {
            case "succeeded" -> "succeeded";
            case "failed", "timed_out" -> "failed";
            default -> null;
        };
        if (status != null) {
            outbox.record(WebhookEventTypes.export(status), finished.ownerId(), finished.exportId().toString(),
                    finished.export());
        }
    }

    /** {@code credits.low} once each time a capture takes the balance from at or above the threshold to below it. */
    @EventListener
    void on(CreditsCaptured captured) {
        UUID user = captured.userId();
        if (endpoints.subscribed(user, WebhookEventTypes.CREDITS_LOW).isEmpty()) {
            return;
        }
        long threshold = threshold(user);
        long before = captured.balanceAfter() + captured.amount();
        if (captured.balanceAfter() < threshold && before >= threshold) {
            Balance balance = credits.balance(user);
            outbox.record(WebhookEventTypes.CREDITS_LOW, user, captured.holdId().toString(),
                    new CreditsLow(balance.balance(), balance.held(), balance.available(), threshold));
        }
    }

    long threshold(UUID user) {
        return settings.creditsLowThreshold(user).orElse(properties.creditsLowThreshold());
    }

    /** The {@code data} of {@code credits.low}: the account as {@code GET /api/v1/credits} shows it, and the threshold. */
    record CreditsLow(long balance, long held, long available, long threshold) {
    }
}
