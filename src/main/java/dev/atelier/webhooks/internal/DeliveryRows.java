package dev.atelier.webhooks.internal;

import static dev.atelier.webhooks.internal.EndpointRows.instant;

import dev.atelier.platform.PageRequest;
import dev.atelier.webhooks.internal.DeliveryStates.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Events, deliveries and attempts in SQL. */
@Component
class DeliveryRows {

    private static final String COLUMNS = """
            d.id, d.message_id, m.type, d.endpoint_id, d.status, d.attempts, d.run_started_at, d.next_attempt_at,
            d.last_attempt_at, d.last_response_status, d.last_duration_ms, d.last_error, d.last_response_excerpt,
            d.created_at""";
    private static final String FROM = " from webhook_deliveries d join webhook_messages m on m.id = d.message_id";

    private final JdbcClient jdbc;

    DeliveryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an event; false when an event with this id was stored before (the same fact again). */
    boolean insertMessage(String id, UUID owner, String type, String payload, Instant now) {
        return jdbc.sql("""
                insert into webhook_messages (id, owner_id, type, payload, created_at)
                values (:id, :owner, :type, :payload, :now) on conflict (id) do nothing""")
                .param("id", id).param("owner", owner).param("type", type).param("payload", payload)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    void insertDelivery(UUID id, String messageId, UUID endpointId, Instant now) {
        jdbc.sql("""
                insert into webhook_deliveries (id, message_id, endpoint_id, status, run_started_at, next_attempt_at,
                    created_at, updated_at)
                values (:id, :message, :endpoint, 'pending', :now, :now, :now, :now)""")
                .param("id", id).param("message", messageId).param("endpoint", endpointId)
                .param("now", Timestamp.from(now)).update();
    }

    String payload(String messageId) {
        return jdbc.sql("select payload from webhook_messages where id = :id").param("id", messageId)
                .query(String.class).single();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.id = :id").param("id", id)
                .query(DeliveryRows::map).optional();
    }

    /** An endpoint's deliveries, newest first, {@code limit + 1} rows. */
    List<Delivery> page(UUID endpointId, State status, PageRequest page) {
        String filter = status == null ? "" : " and d.status = :status";
        String after = page.first() ? "" : " and (d.created_at, d.id) < (:at, :after)";
        var sql = jdbc.sql("select " + COLUMNS + FROM + " where d.endpoint_id = :endpoint" + filter + after
                + " order by d.created_at desc, d.id desc limit :limit")
                .param("endpoint", endpointId).param("limit", page.fetchSize());
        if (status != null) {
            sql = sql.param("status", status.value());
        }
        if (!page.first()) {
            sql = sql.param("at", Timestamp.from(page.instant(0))).param("after", page.uuid(1));
        }
        return sql.query(DeliveryRows::map).list();
    }

    /** The latest attempts of a delivery, newest first. */
    List<Attempt> attempts(UUID deliveryId, int limit) {
        return jdbc.sql("""
                select delivery_id, attempt, outcome, response_status, error, duration_ms, response_excerpt,
                    attempted_at
                from webhook_attempts where delivery_id = :id order by attempt desc limit :limit""")
                .param("id", deliveryId).param("limit", limit)
                .query((rs, n) -> new Attempt(rs.getObject("delivery_id", UUID.class), rs.getInt("attempt"),
                        rs.getString("outcome").equals("succeeded"), (Integer) rs.getObject("response_status"),
                        rs.getString("error"), rs.getInt("duration_ms"), rs.getString("response_excerpt"),
                        instant(rs, "attempted_at")))
                .list();
    }

    /**
     * Records attempt number {@code attempt.attempt()} of a pending delivery and moves it to {@code to}
     * (with the next attempt's time when still pending). A compare-and-set on (pending, attempts): a
     * second worker running the same attempt (a revived execution) records nothing.
     */
    boolean recordAttempt(Attempt attempt, State to, Instant nextAttemptAt) {
        int moved = jdbc.sql("""
                update webhook_deliveries set status = :to, attempts = :attempt, next_attempt_at = :next,
                    last_attempt_at = :at, last_response_status = :response, last_duration_ms = :duration,
                    last_error = :error, last_response_excerpt = :excerpt, updated_at = :at
                where id = :id and status = 'pending' and attempts = :attempt - 1""")
                .param("id", attempt.deliveryId()).param("to", to.value()).param("attempt", attempt.attempt())
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("at", Timestamp.from(attempt.attemptedAt())).param("response", attempt.responseStatus())
                .param("duration", attempt.durationMs()).param("error", attempt.error())
                .param("excerpt", attempt.responseExcerpt()).update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("""
                insert into webhook_attempts (delivery_id, attempt, outcome, response_status, error, duration_ms,
                    response_excerpt, attempted_at)
                values (:id, :attempt, :outcome, :response, :error, :duration, :excerpt, :at)""")
                .param("id", attempt.deliveryId()).param("attempt", attempt.attempt())
                .param("outcome", attempt.succeeded() ? "succeeded" : "failed")
                .param("response", attempt.responseStatus()).param("error", attempt.error())
                .param("duration", attempt.durationMs()).param("excerpt", attempt.responseExcerpt())
                .param("at", Timestamp.from(attempt.attemptedAt())).update();
        return true;
    }

    /** pending → failed without an attempt (the endpoint was disabled or deleted). */
    boolean giveUp(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                update webhook_deliveries set status = 'failed', next_attempt_at = null, last_error = :reason,
                    updated_at = :now
                where id = :id and status = 'pending'""")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Every pending delivery of an endpoint → failed. */
    int giveUpAll(UUID endpointId, String reason, Instant now) {
        return jdbc.sql("""
                update webhook_deliveries set status = 'failed', next_attempt_at = null, last_error = :reason,
                    updated_at = :now
                where endpoint_id = :endpoint and status = 'pending'""")
                .param("endpoint", endpointId).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    /** succeeded | failed → pending, a new run of attempts from now; false when it was pending. */
    boolean redeliver(UUID id, Instant now) {
        return jdbc.sql("""
                update webhook_deliveries set status = 'pending', run_started_at = :now, next_attempt_at = :now,
                    updated_at = :now
                where id = :id and status <> 'pending'""")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Deletes finished deliveries last touched before {@code before}, and events left with none. */
    int purge(Instant before) {
        int deleted = jdbc.sql("delete from webhook_deliveries where status <> 'pending' and updated_at < :before")
                .param("before", Timestamp.from(before)).update();
        jdbc.sql("""
                delete from webhook_messages m where m.created_at < :before
                and not exists (select 1 from webhook_deliveries d where d.message_id = m.id)""")
                .param("before", Timestamp.from(before)).update();
        return deleted;
    }

    private static Delivery map(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getString("type"),
                rs.getObject("endpoint_id", UUID.class), State.of(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "run_started_at"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_response_status"), (Integer) rs.getObject("last_duration_ms"),
                rs.getString("last_error"), rs.getString("last_response_excerpt"), instant(rs, "created_at"));
    }
}
