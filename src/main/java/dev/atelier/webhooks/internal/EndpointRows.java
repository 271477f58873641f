package dev.atelier.webhooks.internal;

import dev.atelier.platform.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Endpoints in SQL. */
@Component
class EndpointRows {

    private static final String COLUMNS = """
            id, owner_id, url, description, events, secret, previous_secret, previous_secret_until, status,
            disabled_reason, disabled_at, consecutive_failures, failing_since, created_at, updated_at""";

    private final JdbcClient jdbc;

    EndpointRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Endpoint e) {
        jdbc.sql("""
                insert into webhook_endpoints (id, owner_id, url, description, events, secret, status,
                    created_at, updated_at)
                values (:id, :owner, :url, :description, :events, :secret, 'enabled', :now, :now)""")
                .param("id", e.id()).param("owner", e.ownerId()).param("url", e.url())
                .param("description", e.description()).param("events", e.events().toArray(String[]::new))
                .param("secret", e.secret()).param("now", Timestamp.from(e.createdAt())).update();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = :id").param("id", id)
                .query(EndpointRows::map).optional();
    }

    int count(UUID owner) {
        return jdbc.sql("select count(*) from webhook_endpoints where owner_id = :owner").param("owner", owner)
                .query(Integer.class).single();
    }

    /** Newest first, {@code limit + 1} rows. */
    List<Endpoint> page(UUID owner, PageRequest page) {
        String after = page.first() ? "" : " and (created_at, id) < (:at, :after)";
        var sql = jdbc.sql("select " + COLUMNS + " from webhook_endpoints where owner_id = :owner" + after
                + " order by created_at desc, id desc limit :limit")
                .param("owner", owner).param("limit", page.fetchSize());
        if (!page.first()) {
            sql = sql.param("at", Timestamp.from(page.instant(0))).param("after", page.uuid(1));
        }
        return sql.query(EndpointRows::map).list();
    }

    /** The enabled endpoints of {@code owner} subscribed to {@code type}. */
    List<UUID> subscribed(UUID owner, String type) {
        return jdbc.sql("""
                select id from webhook_endpoints
                where owner_id = :owner and status = 'enabled' and :type = any(events)""")
                .param("owner", owner).param("type", type).query(UUID.class).list();
    }

    void update(UUID id, String url, String description, List<String> events, Instant now) {
        jdbc.sql("""
                update webhook_endpoints set url = :url, description = :description, events = :events,
                    updated_at = :now
                where id = :id""")
                .param("id", id).param("url", url).param("description", description)
                .param("events", events.toArray(String[]::new)).param("now", Timestamp.from(now)).update();
    }

    /** Enables again: the run of failures starts from zero. */
    void enable(UUID id, Instant now) {
        jdbc.sql("""
                update webhook_endpoints set status = 'enabled', disabled_reason = null, disabled_at = null,
                    consecutive_failures = 0, failing_since = null, updated_at = :now
                where id = :id""").param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** enabled → disabled; false when it was disabled already. */
    boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                update webhook_endpoints set status = 'disabled', disabled_reason = :reason, disabled_at = :now,
                    updated_at = :now
                where id = :id and status = 'enabled'""")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    void rotate(UUID id, String secret, Instant previousUntil, Instant now) {
        jdbc.sql("""
                update webhook_endpoints set previous_secret = secret, previous_secret_until = :until,
                    secret = :secret, updated_at = :now
                where id = :id""")
                .param("id", id).param("secret", secret).param("until", Timestamp.from(previousUntil))
                .param("now", Timestamp.from(now)).update();
    }

    /** A success ends the run of failures. */
    void succeeded(UUID id) {
        jdbc.sql("""
                update webhook_endpoints set consecutive_failures = 0, failing_since = null
                where id = :id and consecutive_failures > 0""").param("id", id).update();
    }

    /** Counts a failed attempt; answers the endpoint after it (empty when it is gone). */
    Optional<Endpoint> failed(UUID id, Instant now) {
        return jdbc.sql("update webhook_endpoints set consecutive_failures = consecutive_failures + 1,"
                + " failing_since = coalesce(failing_since, :now) where id = :id returning " + COLUMNS)
                .param("id", id).param("now", Timestamp.from(now)).query(EndpointRows::map).optional();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from webhook_endpoints where id = :id").param("id", id).update() == 1;
    }

    private static Endpoint map(ResultSet rs, int n) throws SQLException {
        Array events = rs.getArray("events");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("url"),
                rs.getString("description"), Arrays.asList((String[]) events.getArray()), rs.getString("secret"),
                rs.getString("previous_secret"), instant(rs, "previous_secret_until"),
                rs.getString("status").equals("enabled"), rs.getString("disabled_reason"), instant(rs, "disabled_at"),
                rs.getInt("consecutive_failures"), instant(rs, "failing_since"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
