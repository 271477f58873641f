package dev.atelier.credits.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate-limit buckets in PostgreSQL ({@code rate_limit_buckets}), so every node counts the same
 * requests. Each check is a short transaction of its own (select for update, write back) on its
 * own connection, independent of the caller's. Buckets use the application clock, so tests move
 * time instead of sleeping; a bucket row expires a minute after it would be full again and a
 * recurring task deletes expired rows.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitBuckets {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);
    private static final int CLEANUP_BATCH = 1000;

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBucketStore(DataSource dataSource, Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .clientClock(timeMeter(clock))
                .build();
    }

    @RunsOn(NodeRole.JOBS)
    @Bean
    RecurringTask<Void> rateLimitBucketCleanup(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
        return Tasks.recurring("rate-limit-bucket-cleanup", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> {
                    int removed;
                    int total = 0;
                    do {
                        removed = buckets.removeExpired(CLEANUP_BATCH);
                        total += removed;
                    } while (removed == CLEANUP_BATCH);
                    if (total > 0) {
                        log.debug("Removed {} expired rate-limit buckets", total);
                    }
                });
    }

    static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
