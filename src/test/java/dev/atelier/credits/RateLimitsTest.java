package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Role;
import dev.atelier.platform.ApiException;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Default rates: 10 renders a minute for users, 100 for admins. Buckets refill on the application
 * clock (wired into Bucket4j as its client clock), which these tests freeze and move: a slow
 * machine cannot refill a token between two checks. Every test uses users of its own.
 */
@AtelierTest
class RateLimitsTest {

    @Autowired
    RateLimits rateLimits;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    PostgreSQLSelectForUpdateBasedProxyManager<String> bucketStore;

    @BeforeEach
    void stopTheClock() {
        clock.freeze();
    }

    @AfterEach
    void tearDown() {
        RequestContextHolder.resetRequestAttributes();
        clock.reset();
    }

    @Test
    void theRequestOverTheRateIsRefusedWithWhenToRetry() {
        CurrentUser user = CurrentUser.signedIn(UUID.randomUUID(), Role.USER);
        for (int i = 0; i < 10; i++) {
            rateLimits.check(user, OperationClass.RENDER);
        }

        assertThatThrownBy(() -> rateLimits.check(user, OperationClass.RENDER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.code()).isEqualTo("rate_limited");
                    assertThat(e.headers().getFirst("Retry-After")).isEqualTo("6");
                    assertThat(e.headers().getFirst("RateLimit-Limit")).isEqualTo("10");
                    assertThat(e.headers().getFirst("RateLimit-Remaining")).isEqualTo("0");
                    assertThat(e.headers().getFirst("RateLimit-Reset")).isEqualTo("60");
                });
    }

    @Test
    void theBucketRefillsAsTimePasses() {
        CurrentUser user = CurrentUser.signedIn(UUID.randomUUID(), Role.USER);
        for (int i = 0; i < 10; i++) {
            rateLimits.check(user, OperationClass.RENDER);
        }

        clock.advance(Duration.ofMillis(5_999));
        assertThatThrownBy(() -> rateLimits.check(user, OperationClass.RENDER)).isInstanceOf(ApiException.class);

        clock.advance(Duration.ofMillis(1));
        assertThat(rateLimits.check(user, OperationClass.RENDER).remaining()).isZero();
        assertThatThrownBy(() -> rateLimits.check(user, OperationClass.RENDER)).isInstanceOf(ApiException.class);

        clock.advance(Duration.ofSeconds(60));
        assertThat(rateLimits.check(user, OperationClass.RENDER).remaining()).isEqualTo(9);
    }

    @Test
    void classesAndUsersHaveTheirOwnBucketsAndAdminsLargerOnes() {
        UUID id = UUID.randomUUID();
        CurrentUser user = CurrentUser.signedIn(id, Role.USER);
        for (int i = 0; i < 10; i++) {
            rateLimits.check(user, OperationClass.RENDER);
        }

        assertThat(rateLimits.check(user, OperationClass.UPLOAD).limit()).isEqualTo(60);
        assertThat(rateLimits.check(CurrentUser.signedIn(UUID.randomUUID(), Role.USER), OperationClass.RENDER)
                .remaining()).isEqualTo(9);
        assertThat(rateLimits.check(CurrentUser.signedIn(id, Role.ADMIN), OperationClass.RENDER).limit())
                .isEqualTo(100);
    }

    @Test
    void expiredBucketsAreDeleted() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        rateLimits.check(CurrentUser.signedIn(old, Role.USER), OperationClass.RENDER);
        rateLimits.check(CurrentUser.signedIn(recent, Role.USER), OperationClass.RENDER);
        // the one place off our clock: Bucket4j stamps expires_at as the wall clock's now plus a time to
        // live (reckoned on our clock, at least the one minute kept after a refill) and removeExpired
        // compares it with the wall clock. Age one bucket by hand.
        jdbc.sql("update rate_limit_buckets set expires_at = 0 where id like :key").param("key", "%" + old).update();

        bucketStore.removeExpired(1000);

        assertThat(buckets(old)).isZero();
        assertThat(buckets(recent)).isOne();
    }

    private int buckets(UUID user) {
        return jdbc.sql("select count(*) from rate_limit_buckets where id like :key").param("key", "%" + user)
                .query(Integer.class).single();
    }

    @Test
    void anAllowedRequestCarriesTheRateLimitHeaders() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(), response));

        rateLimits.check(CurrentUser.signedIn(UUID.randomUUID(), Role.USER), OperationClass.GENERATION);

        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("30");
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("29");
        assertThat(response.getHeader("RateLimit-Reset")).isEqualTo("2");
    }
}
