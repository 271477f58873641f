package dev.atelier.credits.internal;

import dev.atelier.credits.CreditsCaptured;
import dev.atelier.credits.Hold;
import dev.atelier.credits.Settlement;
import dev.atelier.platform.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds as single SQL statements. Each statement is a chain of data-modifying CTEs that either
 * does all of its parts or none: the guarded account update is what decides, and every other part
 * only runs on the rows it returned. No statement reads something and then writes based on it.
 */
@Component
public class HoldRows {

    /**
     * Holds {@code :amount} if the account has it and the reference was never held. When refused,
     * the available amount is read with a locking read: the plain snapshot would be the one from
     * before this statement waited for the account row, and could show more than was there.
     */
    static final String PLACE = """
            with existing as (
                select h.id, h.user_id, h.amount, l.balance_after - l.held_after as available
                from credit_holds h join credit_ledger l on l.hold_id = h.id and l.kind = 'hold'
                where h.reference = :reference
            ), account as (
                update credit_accounts set held = held + :amount, updated_at = :now
                where user_id = :user and balance - held >= :amount and not exists (select 1 from existing)
                returning balance, held
            ), hold as (
                insert into credit_holds (id, user_id, reference, amount, state, created_at)
                select :id, :user, :reference, :amount, 'open', :now from account
                returning id
            ), entry as (
                insert into credit_ledger (user_id, kind, amount, held_change, balance_after, held_after,
                                           reference, hold_id, created_at)
                select :user, 'hold', 0, :amount, account.balance, account.held, :reference, hold.id, :now
                from account, hold
            )
            select (select id from hold) as placed_id,
                   (select balance - held from account) as available_after,
                   (select id from existing) as existing_id,
                   (select user_id from existing) as existing_user,
                   (select amount from existing) as existing_amount,
                   (select available from existing) as existing_available,
                   (select balance - held from credit_accounts
                    where user_id = :user and not exists (select 1 from account) and not exists (select 1 from existing)
                    for share) as available_now
            """;

    /** Takes min(:amount, held) as spent and frees the whole hold, if the hold is still open. */
    static final String CAPTURE = """
            with settled as (
                update credit_holds set state = 'captured', captured = least(:amount, amount), settled_at = :now
                where id = :hold and state = 'open'
                returning id, user_id, reference, amount, captured
            ), account as (
                update credit_accounts a
                set balance = a.balance - s.captured, held = a.held - s.amount, updated_at = :now
                from settled s where a.user_id = s.user_id
                returning a.balance, a.held
            ), entry as (
                insert into credit_ledger (user_id, kind, amount, held_change, balance_after, held_after,
                                           reference, hold_id, created_at)
                select s.user_id, 'capture', -s.captured, -s.amount, account.balance, account.held,
                       s.reference, s.id, :now
                from settled s, account
            )
            select s.id, s.amount, s.captured, s.user_id, (select balance from account) as balance_after
            from settled s
            """;

    /** Frees the whole hold, if it is still open. */
    static final String RELEASE = """
            with settled as (
                update credit_holds set state = 'released', reason = :reason, settled_at = :now
                where id = :hold and state = 'open'
                returning id, user_id, reference, amount
            ), account as (
                update credit_accounts a set held = a.held - s.amount, updated_at = :now
                from settled s where a.user_id = s.user_id
                returning a.balance, a.held
            ), entry as (
                insert into credit_ledger (user_id, kind, amount, held_change, balance_after, held_after,
                                           reference, hold_id, reason, created_at)
                select s.user_id, 'release', 0, -s.amount, account.balance, account.held,
                       s.reference, s.id, :reason, :now
                from settled s, account
            )
            select id, amount from settled
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HoldRows(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public Hold place(UUID user, long amount, String reference) {
        return Retry.onceOnDuplicate(() -> jdbc.sql(PLACE)
                .param("id", UUID.randomUUID()).param("user", user).param("amount", amount)
                .param("reference", reference).param("now", now())
                .query((rs, n) -> placed(rs, user, amount, reference)).single());
    }

    private static Hold placed(ResultSet rs, UUID user, long amount, String reference) throws SQLException {
        UUID placed = rs.getObject("placed_id", UUID.class);
        if (placed != null) {
            return new Hold.Placed(placed, amount, rs.getLong("available_after"), false);
        }
        UUID existing = rs.getObject("existing_id", UUID.class);
        if (existing != null) {
            if (!user.equals(rs.getObject("existing_user", UUID.class))) {
                throw new IllegalStateException("hold reference " + reference + " belongs to another account");
            }
            return new Hold.Placed(existing, rs.getLong("existing_amount"), rs.getLong("existing_available"), true);
        }
        return new Hold.Refused(amount, rs.getLong("available_now")); // null (no account) reads as 0
    }

    /** Captures the hold; a fresh capture of more than 0 is announced (in this transaction) as {@link CreditsCaptured}. */
    public Settlement capture(UUID hold, long amount) {
        record Captured(Settlement settlement, CreditsCaptured fact) {
        }
        return jdbc.sql(CAPTURE).param("hold", hold).param("amount", amount).param("now", now())
                .query((rs, n) -> new Captured(new Settlement.Captured(hold, rs.getLong("captured"),
                        rs.getLong("amount") - rs.getLong("captured"), false), new CreditsCaptured(
                        rs.getObject("user_id", UUID.class), hold, rs.getLong("captured"), rs.getLong("balance_after"))))
                .optional()
                .map(captured -> {
                    if (captured.fact().amount() > 0) {
                        events.publishEvent(captured.fact());
                    }
                    return captured.settlement();
                })
                .orElseGet(() -> earlier(hold));
    }

    public Settlement release(UUID hold, String reason) {
        return jdbc.sql(RELEASE).param("hold", hold).param("reason", reason).param("now", now())
                .query((rs, n) -> (Settlement) new Settlement.Released(hold, rs.getLong("amount"), false))
                .optional()
                .orElseGet(() -> earlier(hold));
    }

    /** The settlement that came first. A fresh statement, so it sees what a racing call committed. */
    private Settlement earlier(UUID hold) {
        return jdbc.sql("select state, amount, captured from credit_holds where id = :hold")
                .param("hold", hold)
                .query((rs, n) -> switch (rs.getString("state")) {
                    case "captured" -> (Settlement) new Settlement.Captured(hold, rs.getLong("captured"),
                            rs.getLong("amount") - rs.getLong("captured"), true);
                    case "released" -> new Settlement.Released(hold, rs.getLong("amount"), true);
                    default -> throw new IllegalStateException("hold " + hold + " is open but could not be settled");
                })
                .optional()
                .orElseThrow(() -> ApiException.notFound("Hold"));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
