package dev.atelier.credits.internal;

import dev.atelier.credits.JobSlot;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Active-job slots: a counter per user, moved only in the same statement that adds or removes
 * the job's slot row. Taking a slot is one guarded upsert ({@code active < :limit}), so two
 * requests racing for the last slot are serialized on the counter row and one of them gets none.
 */
@Component
public class JobSlotRows {

    static final String ACQUIRE = """
            with existing as (
                select job_ref from active_jobs where job_ref = :job
            ), slot as (
                insert into active_job_counts as c (user_id, active)
                select :user, 1 where not exists (select 1 from existing) and :limit >= 1
                on conflict (user_id) do update set active = c.active + 1 where c.active < :limit
                returning active
            ), job as (
                insert into active_jobs (job_ref, user_id, acquired_at)
                select :job, :user, :now from slot
            )
            select (select active from slot) as taken,
                   (select job_ref from existing) as existing,
                   (select active from active_job_counts
                    where user_id = :user and not exists (select 1 from slot) for share) as active_now
            """;

    static final String RELEASE = """
            with gone as (
                delete from active_jobs where job_ref = :job returning user_id
            )
            update active_job_counts c set active = c.active - 1 from gone where c.user_id = gone.user_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JobSlotRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public JobSlot acquire(UUID user, String job, int limit) {
        return Retry.onceOnDuplicate(() -> jdbc.sql(ACQUIRE)
                .param("user", user).param("job", job).param("limit", limit)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    int taken = rs.getInt("taken");
                    if (!rs.wasNull()) {
                        return (JobSlot) new JobSlot.Taken(taken, limit, false);
                    }
                    int active = rs.getInt("active_now");
                    return rs.getString("existing") != null
                            ? new JobSlot.Taken(active, limit, true)
                            : new JobSlot.Full(active, limit);
                }).single());
    }

    /** True when the slot was held and is now free; false when it was free already. */
    public boolean release(String job) {
        return jdbc.sql(RELEASE).param("job", job).update() == 1;
    }

    public int active(UUID user) {
        return jdbc.sql("select active from active_job_counts where user_id = :user").param("user", user)
                .query(Integer.class).optional().orElse(0);
    }
}
