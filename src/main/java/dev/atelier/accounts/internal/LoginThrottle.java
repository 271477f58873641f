package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.platform.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing and mass sign-up. Buckets live in PostgreSQL, so every node counts
 * the same attempts.
 *
 * <p>An attempt takes its tokens <em>before</em> the password is checked (a check-then-count
 * lets parallel guesses past the limit); a successful sign-in gives them back, so only failures
 * count. Three buckets: per (account, client address), tight, with a burst refilled per minute and
 * a larger allowance per window, so waits grow (none, then seconds, then tens of seconds) rather than
 * locking anyone out; per account from anywhere, loose (distributed guessing); per address across
 * accounts (one client trying many emails). An empty bucket answers 429 with {@code Retry-After}.
 * Guesses from one address therefore slow the owner down on another address only once the loose
 * per-account allowance is spent.
 */
@Component
class LoginThrottle {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perPair;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration signUps;

    LoginThrottle(DataSource dataSource, AccountsProperties properties, Clock clock) {
        Duration window = properties.loginFailureWindow();
        Duration longest = window.compareTo(properties.signupWindow()) > 0 ? window : properties.signupWindow();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_attempt_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(longest))
                .clientClock(timeMeter(clock))
                .build();
        int pair = properties.loginFailuresPerAccountAndAddress();
        this.perPair = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(pair).refillGreedy(pair, Duration.ofMinutes(1)))
                .addLimit(limit -> limit.capacity(4L * pair).refillGreedy(4L * pair, window))
                .build();
        this.perAccount = configuration(properties.loginFailuresPerAccount(), window);
        this.perAddress = configuration(properties.loginFailuresPerAddress(), window);
        this.signUps = configuration(properties.signupsPerAddress(), properties.signupWindow());
    }

    /** The tokens one sign-in attempt took; {@link #succeeded()} gives them back. */
    final class Attempt {
        private final List<BucketProxy> taken;

        private Attempt(List<BucketProxy> taken) {
            this.taken = taken;
        }

        void succeeded() {
            taken.forEach(bucket -> bucket.addTokens(1));
        }
    }

    /** Takes one token from each bucket of this attempt, or refuses it (429) taking none. */
    Attempt attempt(String email, String address) {
        String account = Users.normalize(email);
        List<BucketProxy> taken = new ArrayList<>(3);
        take(taken, "pair:" + account + "|" + address, perPair);
        take(taken, "email:" + account, perAccount);
        take(taken, "address:" + address, perAddress);
        return new Attempt(taken);
    }

    /** Counts one sign-up from {@code address}, or refuses it (429). */
    void signUp(String address) {
        BucketProxy bucket = buckets.builder().build("signup:" + address, () -> signUps);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refused("too_many_signups", "Too many accounts were created from this address; try again in ",
                    probe.getNanosToWaitForRefill());
        }
    }

    private void take(List<BucketProxy> taken, String key, BucketConfiguration configuration) {
        BucketProxy bucket = buckets.builder().build(key, () -> configuration);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            taken.forEach(earlier -> earlier.addTokens(1)); // this attempt is not made: give back what it took
            throw refused("too_many_attempts", "Too many failed sign-in attempts; try again in ",
                    probe.getNanosToWaitForRefill());
        }
        taken.add(bucket);
    }

    private static ApiException refused(String code, String message, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, message + seconds + " s")
                .with("retryAfterSeconds", seconds)
                .header("Retry-After", Long.toString(seconds));
    }

    private static BucketConfiguration configuration(int attempts, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, window))
                .build();
    }

    private static TimeMeter timeMeter(Clock clock) {
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
