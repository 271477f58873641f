package dev.atelier.credits;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users with credit accounts for service-level tests, made directly in the database (no sign-up,
 * so no welcome credits unless a test asks for them).
 */
public final class TestAccounts {

    private final JdbcClient jdbc;
    private final Credits credits;

    TestAccounts(JdbcClient jdbc, Credits credits) {
        this.jdbc = jdbc;
        this.credits = credits;
    }

    /** A user of the accounts module with no credit account yet. */
    UUID user() {
        return user(jdbc);
    }

    /** A user of the accounts module, in the database {@code jdbc} talks to. */
    public static UUID user(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into users (id, email, name, password_hash, role, created_at)
                values (:id, :email, 'Test', 'no-password', 'user', :at)
                """).param("id", id).param("email", id + "@credits.test").param("at", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    /** A user whose account holds {@code amount} credits, granted in one ledger movement. */
    UUID withCredits(long amount) {
        UUID id = user();
        if (amount == 0) {
            credits.open(id);
        } else {
            credits.adjust(id, amount, EntryKind.GRANT, "test-funding", "funded by a test");
        }
        return id;
    }
}
