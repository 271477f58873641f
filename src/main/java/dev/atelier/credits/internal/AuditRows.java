package dev.atelier.credits.internal;

import dev.atelier.credits.Audit;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every invariant of the money path as one SQL query, each branch listing the rows that break
 * one. Run in one repeatable-read snapshot so concurrent movements cannot show up half-done.
 */
@Component
public class AuditRows {

    static final String VIOLATIONS = """
            with ledger as (
                select user_id, sum(amount)::bigint as balance, sum(held_change)::bigint as held, max(id) as last_id
                from credit_ledger group by user_id
            ), open_holds as (
                select user_id, sum(amount)::bigint as held from credit_holds where state = 'open' group by user_id
            ), settlements as (
                select hold_id, count(*) as n, min(kind) as kind, min(amount) as amount, min(held_change) as held_change
                from credit_ledger where kind in ('capture', 'release') group by hold_id
            ), hold_entries as (
                select hold_id, count(*) as n, min(held_change) as held_change
                from credit_ledger where kind = 'hold' group by hold_id
            )
            select 'balance_equals_ledger_sum' as check_name, a.user_id, null::uuid as hold_id,
                   coalesce(l.balance, 0)::bigint as expected, a.balance::bigint as actual
            from credit_accounts a left join ledger l using (user_id)
            where a.balance <> coalesce(l.balance, 0)
            union all
            select 'ledger_has_account', l.user_id, null, l.balance, null
            from ledger l where not exists (select 1 from credit_accounts a where a.user_id = l.user_id)
            union all
            select 'held_equals_open_holds', a.user_id, null, coalesce(o.held, 0), a.held
            from credit_accounts a left join open_holds o using (user_id)
            where a.held <> coalesce(o.held, 0)
            union all
            select 'held_equals_ledger_sum', a.user_id, null, coalesce(l.held, 0), a.held
            from credit_accounts a left join ledger l using (user_id)
            where a.held <> coalesce(l.held, 0)
            union all
            select 'last_entry_matches_account', a.user_id, null, e.balance_after - e.held_after, a.balance - a.held
            from credit_accounts a join ledger l using (user_id) join credit_ledger e on e.id = l.last_id
            where e.balance_after <> a.balance or e.held_after <> a.held
            union all
            select 'nothing_negative', user_id, null, 0, least(balance, held, balance - held)
            from credit_accounts where balance < 0 or held < 0 or balance - held < 0
            union all
            select 'hold_has_one_hold_entry', h.user_id, h.id, h.amount, coalesce(e.n, 0)
            from credit_holds h left join hold_entries e on e.hold_id = h.id
            where coalesce(e.n, 0) <> 1 or e.held_change <> h.amount
            union all
            select 'hold_settled_once', h.user_id, h.id, case when h.state = 'open' then 0 else 1 end, coalesce(s.n, 0)
            from credit_holds h left join settlements s on s.hold_id = h.id
            where coalesce(s.n, 0) <> case when h.state = 'open' then 0 else 1 end
               or (h.state = 'captured' and (s.kind <> 'capture' or s.amount <> -h.captured))
               or (h.state = 'released' and (s.kind <> 'release' or s.amount <> 0))
               or (h.state <> 'open' and s.held_change <> -h.amount)
            union all
            select 'active_jobs_equal_slots', c.user_id, null, count(j.job_ref), max(c.active)
            from active_job_counts c left join active_jobs j using (user_id)
            group by c.user_id having count(j.job_ref) <> max(c.active)
            limit :limit
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Audit run(int limit) {
        List<Audit.Violation> violations = jdbc.sql(VIOLATIONS).param("limit", limit + 1)
                .query((rs, n) -> new Audit.Violation(rs.getString("check_name"),
                        rs.getObject("user_id", UUID.class), rs.getObject("hold_id", UUID.class),
                        rs.getObject("expected", Long.class), rs.getObject("actual", Long.class)))
                .list();
        long accounts = count("select count(*) from credit_accounts");
        long holds = count("select count(*) from credit_holds");
        long entries = count("select count(*) from credit_ledger");
        boolean truncated = violations.size() > limit;
        return new Audit(clock.instant(), accounts, holds, entries,
                truncated ? violations.subList(0, limit) : violations, truncated);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
