package dev.atelier.credits.internal;

import dev.atelier.credits.Adjustment;
import dev.atelier.credits.Balance;
import dev.atelier.credits.EntryKind;
import dev.atelier.credits.LedgerEntry;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts, the direct movements on them (welcome, grant, adjustment) and their ledger. */
@Component
public class AccountRows {

    /** Moves the balance by :amount unless that leaves less than zero available or it was done before. */
    static final String ADJUST = """
            with existing as (
                select id, amount, balance_after, held_after from credit_ledger
                where user_id = :user and kind = :kind and reference = :reference and hold_id is null
            ), account as (
                update credit_accounts set balance = balance + :amount, updated_at = :now
                where user_id = :user and balance - held + :amount >= 0 and not exists (select 1 from existing)
                returning balance, held
            ), entry as (
                insert into credit_ledger (user_id, kind, amount, held_change, balance_after, held_after,
                                           reference, reason, created_at)
                select :user, :kind, :amount, 0, balance, held, :reference, :reason, :now from account
                returning id
            )
            select (select id from entry) as entry_id,
                   (select balance from account) as balance,
                   (select held from account) as held,
                   (select id from existing) as existing_id,
                   (select amount from existing) as existing_amount,
                   (select balance_after from existing) as existing_balance,
                   (select held_after from existing) as existing_held,
                   (select balance - held from credit_accounts
                    where user_id = :user and not exists (select 1 from account) and not exists (select 1 from existing)
                    for share) as available_now
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens the account of an existing user (idempotent); an unknown user is 404 {@code account_not_found}. */
    public void open(UUID user) {
        try {
            jdbc.sql("""
                    insert into credit_accounts (user_id, balance, held, updated_at) values (:user, 0, 0, :now)
                    on conflict (user_id) do nothing
                    """).param("user", user).param("now", now()).update();
        } catch (DataIntegrityViolationException e) { // the only constraint here is the user's existence
            throw new ApiException(HttpStatus.NOT_FOUND, "account_not_found", "There is no account " + user);
        }
    }

    public Adjustment adjust(UUID user, long amount, EntryKind kind, String reference, String reason) {
        open(user);
        return Retry.onceOnDuplicate(() -> jdbc.sql(ADJUST)
                .param("user", user).param("amount", amount).param("kind", kind.value())
                .param("reference", reference).param("reason", reason).param("now", now())
                .query((rs, n) -> adjusted(rs, amount)).single());
    }

    private static Adjustment adjusted(ResultSet rs, long amount) throws SQLException {
        long entry = rs.getLong("entry_id");
        if (!rs.wasNull()) {
            return new Adjustment.Applied(entry, amount, rs.getLong("balance"), rs.getLong("held"), false);
        }
        long existing = rs.getLong("existing_id");
        if (!rs.wasNull()) {
            return new Adjustment.Applied(existing, rs.getLong("existing_amount"), rs.getLong("existing_balance"),
                    rs.getLong("existing_held"), true);
        }
        return new Adjustment.Refused(amount, rs.getLong("available_now"));
    }

    public Balance balance(UUID user) {
        return jdbc.sql("select balance, held from credit_accounts where user_id = :user").param("user", user)
                .query((rs, n) -> new Balance(rs.getLong("balance"), rs.getLong("held")))
                .optional().orElse(Balance.NONE);
    }

    /** Newest first, {@code page.fetchSize()} rows after the cursor's entry id. */
    public List<LedgerEntry> ledger(UUID user, PageRequest page) {
        return jdbc.sql("""
                select id, kind, amount, held_change, balance_after, held_after, reference, hold_id, reason, created_at
                from credit_ledger
                where user_id = :user and (:first or id < :after)
                order by id desc limit :limit
                """)
                .param("user", user).param("first", page.first()).param("after", page.first() ? 0 : page.number(0))
                .param("limit", page.fetchSize())
                .query(AccountRows::entry).list();
    }

    private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), EntryKind.of(rs.getString("kind")), rs.getLong("amount"),
                rs.getLong("held_change"), rs.getLong("balance_after"), rs.getLong("held_after"),
                rs.getString("reference"), rs.getObject("hold_id", UUID.class), rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
