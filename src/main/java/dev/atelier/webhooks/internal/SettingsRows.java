package dev.atelier.webhooks.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Per-user webhook settings: the {@code credits.low} threshold. */
@Component
class SettingsRows {

    private final JdbcClient jdbc;

    SettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> creditsLowThreshold(UUID owner) {
        return jdbc.sql("select credits_low_threshold from webhook_settings where owner_id = :owner")
                .param("owner", owner).query(Long.class).optional();
    }

    void setCreditsLowThreshold(UUID owner, long threshold, Instant now) {
        jdbc.sql("""
                insert into webhook_settings (owner_id, credits_low_threshold, updated_at)
                values (:owner, :threshold, :now)
                on conflict (owner_id) do update set credits_low_threshold = :threshold, updated_at = :now""")
                .param("owner", owner).param("threshold", threshold).param("now", Timestamp.from(now)).update();
    }
}
