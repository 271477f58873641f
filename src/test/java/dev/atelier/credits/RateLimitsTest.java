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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Default rates: 10 renders a minute for users, 100 for admins. */
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

        clock.advance(Duration.ofSeconds(6));

        assertThat(rateLimits.check(user, OperationClass.RENDER).remaining()).isZero();
        assertThatThrownBy(() -> rateLimits.check(user, OperationClass.RENDER)).isInstanceOf(ApiException.class);
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
        UUID id = UUID.randomUUID();
        rateLimits.check(CurrentUser.signedIn(id, Role.USER), OperationClass.RENDER);
        // Bucket4j stamps expiry with the wall clock (not ours): age this bucket by hand
        jdbc.sql("update rate_limit_buckets set expires_at = 0 where id like :key").param("key", "%" + id).update();

        assertThat(bucketStore.removeExpired(1000)).isPositive();
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like :key").param("key", "%" + id)
                .query(Integer.class).single()).isZero();
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
