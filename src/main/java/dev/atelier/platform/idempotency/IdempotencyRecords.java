package dev.atelier.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored keys: claimed, completed with the response, forgotten, expired. */
@Component
class IdempotencyRecords {

    /** A stored first response. */
    record Stored(int status, String contentType, String location, byte[] body) {
    }

    /** What claiming a key found. */
    sealed interface Claim {
        record Claimed(UUID id) implements Claim {
        }

        record Replay(Stored response) implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }
    }

    // a new key, or one older than the ttl (it counts as never seen), becomes ours in one statement
    private static final String CLAIM = """
            insert into idempotency_keys as k (id, principal, key, fingerprint, state, created_at, claimed_until)
            values (:id, :principal, :key, :fingerprint, 'in_progress', :now, :until)
            on conflict (principal, key) do update
                set id = excluded.id, fingerprint = excluded.fingerprint, state = 'in_progress', status = null,
                    content_type = null, location = null, body = null, created_at = excluded.created_at,
                    claimed_until = excluded.claimed_until
                where k.created_at < :expired
            returning id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyRecords(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Claim claim(String principal, String key, byte[] fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            var claimed = jdbc.sql(CLAIM).param("id", UUID.randomUUID()).param("principal", principal)
                    .param("key", key).param("fingerprint", fingerprint).param("now", Timestamp.from(now))
                    .param("until", Timestamp.from(now.plus(properties.claimTimeout())))
                    .param("expired", Timestamp.from(now.minus(properties.ttl())))
                    .query(UUID.class).optional();
            if (claimed.isPresent()) {
                return new Claim.Claimed(claimed.get());
            }
            Claim found = existing(principal, key, fingerprint, now);
            if (found != null) {
                return found;
            }
            // it was forgotten (its request failed) or taken over between our two statements: try again
        }
        return new Claim.InProgress();
    }

    private Claim existing(String principal, String key, byte[] fingerprint, Instant now) {
        return jdbc.sql("""
                select id, fingerprint, state, status, content_type, location, body, claimed_until
                from idempotency_keys where principal = :principal and key = :key
                """).param("principal", principal).param("key", key)
                .query((rs, n) -> {
                    if (!Arrays.equals(rs.getBytes("fingerprint"), fingerprint)) {
                        return (Claim) new Claim.Mismatch();
                    }
                    if (rs.getString("state").equals("done")) {
                        return new Claim.Replay(new Stored(rs.getInt("status"), rs.getString("content_type"),
                                rs.getString("location"), rs.getBytes("body")));
                    }
                    if (rs.getTimestamp("claimed_until").toInstant().isAfter(now)) {
                        return new Claim.InProgress();
                    }
                    return takeOver(rs.getObject("id", UUID.class), now);
                })
                .optional().orElse(null);
    }

    /** An abandoned claim (its node died mid-request) is run again under the same id. */
    private Claim takeOver(UUID id, Instant now) {
        return jdbc.sql("""
                update idempotency_keys set claimed_until = :until
                where id = :id and state = 'in_progress' and claimed_until <= :now
                returning id
                """).param("id", id).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(properties.claimTimeout())))
                .query(UUID.class).optional()
                .map(claimed -> (Claim) new Claim.Claimed(claimed))
                .orElse(null);
    }

    void complete(UUID id, Stored response) {
        jdbc.sql("""
                update idempotency_keys set state = 'done', status = :status, content_type = :type,
                    location = :location, body = :body
                where id = :id and state = 'in_progress'
                """).param("id", id).param("status", response.status()).param("type", response.contentType())
                .param("location", response.location()).param("body", response.body()).update();
    }

    /** The request failed in a way worth retrying: the key is free again. */
    void forget(UUID id) {
        jdbc.sql("delete from idempotency_keys where id = :id and state = 'in_progress'").param("id", id).update();
    }

    int deleteExpired() {
        return jdbc.sql("delete from idempotency_keys where created_at < :expired")
                .param("expired", Timestamp.from(clock.instant().minus(properties.ttl()))).update();
    }
}
