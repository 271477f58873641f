package dev.atelier.providers.webhooks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook deliveries already handled, by provider and message id, in PostgreSQL so every node
 * sees them. Kept a day (signatures older than five minutes are refused anyway).
 */
@Repository
class WebhookReceipts {

    private static final Duration KEEP = Duration.ofDays(1);
    private final JdbcClient jdbc;

    WebhookReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this message is seen. */
    boolean first(String provider, String messageId, Instant now) {
        return jdbc.sql("""
                insert into provider_webhook_receipts (provider, message_id, received_at) values (:provider, :id, :now)
                on conflict do nothing""")
                .param("provider", provider).param("id", messageId).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Forgets a message whose handling failed, so the provider's retry is handled. */
    void forget(String provider, String messageId) {
        jdbc.sql("delete from provider_webhook_receipts where provider = :provider and message_id = :id")
                .param("provider", provider).param("id", messageId).update();
    }

    int purge(Instant now) {
        return jdbc.sql("delete from provider_webhook_receipts where received_at < :before")
                .param("before", Timestamp.from(now.minus(KEEP))).update();
    }
}
