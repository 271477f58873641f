package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.platform.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing: each failed login spends a token from a bucket for its email and
 * one for its client address; an empty bucket refuses further attempts (429 with Retry-After)
 * until it refills. Buckets live in PostgreSQL, so every node sees the same counts.
 */
@Component
class LoginThrottle {

    private final ProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> perEmail;
    private final Supplier<BucketConfiguration> perAddress;

    LoginThrottle(DataSource dataSource, AccountsProperties properties) {
        Duration window = properties.loginFailureWindow();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_attempt_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(window))
                .build();
        this.perEmail = configuration(properties.loginFailuresPerEmail(), window);
        this.perAddress = configuration(properties.loginFailuresPerAddress(), window);
    }

    /** Refuses the attempt when either bucket is empty. */
    void check(String email, String address) {
        long waitNanos = Math.max(wait(emailKey(email), perEmail), wait(addressKey(address), perAddress));
        if (waitNanos > 0) {
            long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed sign-in attempts; try again in " + seconds + " s")
                    .header("Retry-After", Long.toString(seconds));
        }
    }

    void failed(String email, String address) {
        buckets.builder().build(emailKey(email), perEmail).tryConsume(1);
        buckets.builder().build(addressKey(address), perAddress).tryConsume(1);
    }

    private long wait(String key, Supplier<BucketConfiguration> configuration) {
        EstimationProbe probe = buckets.builder().build(key, configuration).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static String emailKey(String email) {
        return "email:" + Users.normalize(email);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static Supplier<BucketConfiguration> configuration(int attempts, Duration window) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, window))
                .build();
        return () -> configuration;
    }
}
