package dev.atelier.credits;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Role;
import dev.atelier.platform.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Per-user request rates per class of operation, shared by every node. Controllers call
 * {@link #check(CurrentUser, OperationClass)} before doing the work: it spends one request, puts
 * the {@code RateLimit-Limit/-Remaining/-Reset} headers on the current response, and throws 429
 * {@code rate_limited} with {@code Retry-After} when none is left.
 *
 * <p>A check is a short transaction of its own on its own connection (a spent request stays spent
 * even if the work then fails), so call it before opening the transaction that does the work.
 */
@Service
public class RateLimits {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private final ProxyManager<String> buckets;
    private final CreditsProperties.Rates rates;
    private final Map<Rate, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    RateLimits(ProxyManager<String> rateLimitBucketStore, CreditsProperties properties) {
        this.buckets = rateLimitBucketStore;
        this.rates = properties.rates();
    }

    public RateLimitStatus check(CurrentUser user, OperationClass operation) {
        // the role is part of the key: a promoted user gets a fresh bucket of the admin size
        return check(operation.value() + ":" + user.role().value() + ":" + user.id(), operation, user.role());
    }

    /** Spends one request of {@code key}'s bucket for {@code operation} at {@code role}'s rate. */
    public RateLimitStatus check(String key, OperationClass operation, Role role) {
        Rate rate = rates.of(operation, role);
        BucketConfiguration configuration = configurations.computeIfAbsent(rate, RateLimits::configuration);
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        RateLimitStatus status = new RateLimitStatus(rate.requests(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()));
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many " + operation.value() + " requests; try again in " + retryAfter + " s")
                    .with("retryAfterSeconds", retryAfter)
                    .header("Retry-After", Long.toString(retryAfter))
                    .header(LIMIT, Long.toString(status.limit()))
                    .header(REMAINING, "0")
                    .header(RESET, Long.toString(status.resetSeconds()));
        }
        onCurrentResponse(status);
        return status;
    }

    private static void onCurrentResponse(RateLimitStatus status) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() instanceof HttpServletResponse response && !response.isCommitted()) {
            response.setHeader(LIMIT, Long.toString(status.limit()));
            response.setHeader(REMAINING, Long.toString(status.remaining()));
            response.setHeader(RESET, Long.toString(status.resetSeconds()));
        }
    }

    private static BucketConfiguration configuration(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.requests()).refillGreedy(rate.requests(), rate.period()))
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
