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

    /**
     * What identifies "the same request". {@code known} is the whole fingerprint when the body was
     * read up front, or null for a streamed body, whose fingerprint {@code afterReading} makes by
     * reading it (null when it is longer than the given bound, so it cannot be the same).
     */
    interface Fingerprint {
        byte[] known();

        byte[] afterReading(long maxBytes) throws java.io.IOException;
    }

    private static final byte[] PENDING = new byte[0];

    // a new key, or one older than the ttl (it counts as never seen), becomes ours in one statement
    private static final String CLAIM = """
            insert into idempotency_keys as k (id, principal, key, fingerprint, state, created_at, claimed_until)
            values (:id, :principal, :key, :fingerprint, 'in_progress', :now, :until)
            on conflict (principal, key) do update
                set id = excluded.id, fingerprint = excluded.fingerprint, state = 'in_progress', status = null,
                    content_type = null, location = null, body = null, body_length = null,
                    created_at = excluded.created_at,
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

    Claim claim(String principal, String key, Fingerprint fingerprint) throws java.io.IOException {
        byte[] known = fingerprint.known();
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            var claimed = jdbc.sql(CLAIM).param("id", UUID.randomUUID()).param("principal", principal)
                    .param("key", key).param("fingerprint", known == null ? PENDING : known)
                    .param("now", Timestamp.from(now))
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

    private record Row(UUID id, byte[] fingerprint, boolean done, Stored response, Long bodyLength,
            Instant claimedUntil) {
    }

    private Claim existing(String principal, String key, Fingerprint fingerprint, Instant now)
            throws java.io.IOException {
        Row row = jdbc.sql("""
                select id, fingerprint, state, status, content_type, location, body, body_length, claimed_until
                from idempotency_keys where principal = :principal and key = :key
                """).param("principal", principal).param("key", key)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("fingerprint"),
                        rs.getString("state").equals("done"),
                        new Stored(rs.getInt("status"), rs.getString("content_type"), rs.getString("location"),
                                rs.getBytes("body")),
                        rs.getObject("body_length", Long.class), rs.getTimestamp("claimed_until").toInstant()))
                .optional().orElse(null);
        if (row == null) {
            return null;
        }
        byte[] known = fingerprint.known();
        if (row.done()) {
            byte[] requested = known != null ? known
                    : fingerprint.afterReading(row.bodyLength() == null ? 0 : row.bodyLength());
            return requested != null && Arrays.equals(row.fingerprint(), requested)
                    ? new Claim.Replay(row.response()) : new Claim.Mismatch();
        }
        if (known != null && row.fingerprint().length > 0 && !Arrays.equals(row.fingerprint(), known)) {
            return new Claim.Mismatch();
        }
        if (row.claimedUntil().isAfter(now)) {
            return new Claim.InProgress();
        }
        return takeOver(row.id(), now);
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

    /** Stores the first response, with the request's whole fingerprint (a streamed body's is known only now). */
    void complete(UUID id, Stored response, byte[] fingerprint, Long bodyLength) {
        jdbc.sql("""
                update idempotency_keys set state = 'done', status = :status, content_type = :type,
                    location = :location, body = :body, fingerprint = :fingerprint, body_length = :length
                where id = :id and state = 'in_progress'
                """).param("id", id).param("status", response.status()).param("type", response.contentType())
                .param("location", response.location()).param("body", response.body())
                .param("fingerprint", fingerprint).param("length", bodyLength).update();
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
