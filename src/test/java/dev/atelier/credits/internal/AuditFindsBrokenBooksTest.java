package dev.atelier.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.credits.Audit;
import dev.atelier.credits.EntryKind;
import dev.atelier.credits.Hold;
import dev.atelier.credits.TestAccounts;
import dev.atelier.test.TestDatabase;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit that nine test classes end with, shown to catch what it claims to check. Each test
 * builds honest books with the real statements in a scratch database of its own (so no other
 * test's audit sees the damage), breaks one invariant by hand and expects the matching violation.
 * Where a constraint makes the damage impossible, the test first shows the constraint refusing
 * it, then drops the constraint in the scratch database: the audit is the second line of defence.
 */
class AuditFindsBrokenBooksTest {

    static final Clock CLOCK = Clock.systemUTC();

    JdbcClient jdbc;
    AccountRows accounts;
    HoldRows holds;
    JobSlotRows slots;
    AuditRows audit;

    @BeforeEach
    void scratchDatabase() {
        String name = TestDatabase.newDatabaseName();
        DataSource dataSource = TestDatabase.server().getDatabase("postgres", name);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        accounts = new AccountRows(jdbc, CLOCK);
        holds = new HoldRows(jdbc, CLOCK, event -> { }); // no listeners in a scratch database
        slots = new JobSlotRows(jdbc, CLOCK);
        audit = new AuditRows(jdbc, CLOCK);
    }

    @Test
    void honestBooksAreClean() {
        UUID user = userWithCredits(100);
        UUID captured = hold(user, 30);
        holds.capture(captured, 20);
        UUID released = hold(user, 10);
        holds.release(released, "failed");
        hold(user, 5);
        slots.acquire(user, "job:1", 4);

        assertThat(audit.run(100).violations()).isEmpty();
    }

    @Test
    void aBalanceThatIsNotTheSumOfItsLedgerIsReported() {
        UUID user = userWithCredits(100);

        jdbc.sql("update credit_accounts set balance = balance + 7 where user_id = :u").param("u", user).update();

        assertThat(violations()).contains(
                new Audit.Violation("balance_equals_ledger_sum", user, null, 100L, 107L),
                new Audit.Violation("last_entry_matches_account", user, null, 100L, 107L));
    }

    @Test
    void heldCreditsThatAreNotTheOpenHoldsAreReported() {
        UUID user = userWithCredits(100);
        hold(user, 30);

        jdbc.sql("update credit_accounts set held = held - 10 where user_id = :u").param("u", user).update();

        assertThat(violations()).contains(
                new Audit.Violation("held_equals_open_holds", user, null, 30L, 20L),
                new Audit.Violation("held_equals_ledger_sum", user, null, 30L, 20L));
    }

    @Test
    void aHoldSettledWithoutItsLedgerRowIsReported() {
        UUID user = userWithCredits(100);
        UUID hold = hold(user, 30);

        jdbc.sql("update credit_holds set state = 'released', settled_at = now() where id = :h").param("h", hold).update();

        assertThat(violations()).contains(
                new Audit.Violation("held_equals_open_holds", user, null, 0L, 30L),
                new Audit.Violation("hold_settled_once", user, hold, 1L, 0L));
    }

    @Test
    void aHoldSettledTwiceIsReportedOnceTheUniqueIndexIsGone() {
        UUID user = userWithCredits(100);
        UUID hold = hold(user, 30);
        holds.capture(hold, 30);
        assertThatThrownBy(() -> secondSettlement(user, hold)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("credit_ledger_one_settlement");

        jdbc.sql("drop index credit_ledger_one_settlement").update();
        secondSettlement(user, hold);

        assertThat(violations()).contains(new Audit.Violation("hold_settled_once", user, hold, 1L, 2L));
    }

    @Test
    void negativeAvailableCreditsAreReportedOnceTheCheckConstraintIsGone() {
        UUID user = userWithCredits(100);
        String overdraw = "update credit_accounts set held = 130 where user_id = :u";
        assertThatThrownBy(() -> jdbc.sql(overdraw).param("u", user).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("credit_accounts_available_not_negative");

        jdbc.sql("alter table credit_accounts drop constraint credit_accounts_available_not_negative").update();
        jdbc.sql(overdraw).param("u", user).update();

        assertThat(violations()).contains(new Audit.Violation("nothing_negative", user, null, 0L, -30L));
    }

    @Test
    void aHoldWithoutItsHoldRowIsReported() {
        UUID user = userWithCredits(100);
        UUID hold = UUID.randomUUID();

        jdbc.sql("""
                insert into credit_holds (id, user_id, reference, amount, state, created_at)
                values (:id, :u, 'job:no-ledger-row', 10, 'open', now())""").param("id", hold).param("u", user).update();

        assertThat(violations()).contains(new Audit.Violation("hold_has_one_hold_entry", user, hold, 10L, 0L));
    }

    @Test
    void aJobCounterThatIsNotItsSlotsIsReported() {
        UUID user = userWithCredits(100);
        slots.acquire(user, "job:1", 4);

        jdbc.sql("update active_job_counts set active = 3 where user_id = :u").param("u", user).update();

        assertThat(violations()).contains(new Audit.Violation("active_jobs_equal_slots", user, null, 1L, 3L));
    }

    @Test
    void manyViolationsAreCutAtTheLimitAndSaySo() {
        for (int i = 0; i < 3; i++) {
            UUID user = userWithCredits(100);
            jdbc.sql("update credit_accounts set balance = balance + 1 where user_id = :u").param("u", user).update();
        }

        Audit result = audit.run(2);

        assertThat(result.violations()).hasSize(2);
        assertThat(result.truncated()).isTrue();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void theLedgerRefusesUpdateDeleteAndTruncate() {
        UUID user = userWithCredits(100);

        for (String change : new String[] {
                "update credit_ledger set amount = 1000 where user_id = :u",
                "delete from credit_ledger where user_id = :u",
                "truncate credit_ledger cascade"}) {
            assertThatThrownBy(() -> jdbc.sql(change).param("u", user).update()).as(change).isInstanceOf(UncategorizedSQLException.class)
                    .hasMessageContaining("credit_ledger is append-only");
        }

        assertThat(jdbc.sql("select sum(amount) from credit_ledger where user_id = :u").param("u", user)
                .query(Long.class).single()).isEqualTo(100);
        assertThat(violations()).isEmpty();
    }

    private java.util.List<Audit.Violation> violations() {
        Audit result = audit.run(100);
        assertThat(result.clean()).isEqualTo(result.violations().isEmpty());
        return result.violations();
    }

    private UUID userWithCredits(long amount) {
        UUID user = TestAccounts.user(jdbc);
        accounts.adjust(user, amount, EntryKind.GRANT, "funding", "funded by a test");
        return user;
    }

    private UUID hold(UUID user, long amount) {
        return ((Hold.Placed) holds.place(user, amount, "job:" + UUID.randomUUID())).holdId();
    }

    /** A release row for a hold that was already captured: what a racing settlement would write. */
    private void secondSettlement(UUID user, UUID hold) {
        jdbc.sql("""
                insert into credit_ledger (user_id, kind, amount, held_change, balance_after, held_after, reference,
                                           hold_id, created_at)
                select user_id, 'release', 0, -30, balance, held, 'again', :h, now()
                from credit_accounts where user_id = :u""").param("h", hold).param("u", user).update();
    }
}
