package dev.atelier.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Idempotency-Key rules, against an endpoint that counts how often it really runs. */
@AtelierTest
class IdempotencyTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    Work work;
    @Autowired
    MutableClock clock;
    @Autowired
    IdempotencyRecords records;

    TestUser user;

    @BeforeEach
    void setUp() {
        user = users.signUp();
        work.runs.set(0);
    }

    @AfterEach
    void tearDown() {
        work.gate = null;
        clock.reset();
    }

    @Test
    void aRepeatGetsTheFirstResponseBackAndRunsNothing() {
        String key = key();

        Api.Response first = post(key, Map.of("name", "a"), 201);
        Api.Response again = post(key, Map.of("name", "a"), 201);

        assertThat(work.runs).hasValue(1);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Content-Type")).startsWith("application/json");
        assertThat(again.text()).isEqualTo(first.text());
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = key();
        post(key, Map.of("name", "a"), 201);

        Api.Response otherBody = post(key, Map.of("name", "b"), 201);
        Api.Response otherQuery = post(key, Map.of("name", "a"), 200);

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(otherQuery.status()).isEqualTo(422);
        assertThat(work.runs).hasValue(1);
    }

    @Test
    void keysBelongToOneCaller() {
        String key = key();
        post(key, Map.of("name", "a"), 201);

        Api.Response someoneElse = api.post("/api/v1/test-work?status=201").bearer(users.signUp().accessToken())
                .header("Idempotency-Key", key).json(Map.of("name", "a")).send();

        assertThat(someoneElse.header("Idempotent-Replayed")).isNull();
        assertThat(work.runs).hasValue(2);
    }

    @Test
    void aRepeatWhileTheFirstStillRunsIsAConflict() throws Exception {
        String key = key();
        work.gate = new CountDownLatch(1);
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> post(key, Map.of("name", "a"), 201));
        await().untilAtomic(work.runs, org.hamcrest.Matchers.equalTo(1));

        Api.Response during = post(key, Map.of("name", "a"), 201);
        work.gate.countDown();

        assertThat(during.status()).isEqualTo(409);
        assertThat(during.json().get("code").asString()).isEqualTo("idempotency_key_in_progress");
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(post(key, Map.of("name", "a"), 201).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(work.runs).hasValue(1);
    }

    @Test
    void aClaimAbandonedPastTheTimeoutIsRunAgainUnderTheSameClaimId() throws Exception {
        String key = key();
        CountDownLatch gate = new CountDownLatch(1);
        work.gate = gate;
        CompletableFuture<Api.Response> stuck = CompletableFuture.supplyAsync(() -> post(key, Map.of("name", "a"), 201));
        await().untilAtomic(work.runs, org.hamcrest.Matchers.equalTo(1));
        String stuckClaim = work.lastClaim;

        clock.advance(Duration.ofSeconds(61));
        work.gate = null;
        Api.Response retry = post(key, Map.of("name", "a"), 201);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("claim").asString()).isEqualTo(stuckClaim);
        assertThat(retry.json().get("run").asInt()).isEqualTo(2);

        // the first request was only slow, not dead: it ends now, after the retry stored its answer
        gate.countDown();
        Api.Response late = stuck.get(30, TimeUnit.SECONDS);
        assertThat(late.json().get("run").asInt()).isEqualTo(1);
        Api.Response replay = post(key, Map.of("name", "a"), 201);

        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.text()).as("the late answer does not overwrite the retry's").isEqualTo(retry.text());
        assertThat(replay.header("Location")).isEqualTo(retry.header("Location"));
        assertThat(work.runs).hasValue(2);
    }

    @Test
    void serverErrorsAreForgottenSoTheClientMayRetry() {
        String key = key();

        assertThat(post(key, Map.of("name", "a"), 500).status()).isEqualTo(500);
        assertThat(post(key, Map.of("name", "a"), 500).header("Idempotent-Replayed")).isNull();

        assertThat(work.runs).hasValue(2);
    }

    @Test
    void clientErrorsAreStoredLikeAnyAnswer() {
        String key = key();

        post(key, Map.of("name", "a"), 409);
        Api.Response again = post(key, Map.of("name", "a"), 409);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(work.runs).hasValue(1);
    }

    @Test
    void keysExpireAfterADay() {
        String key = key();
        post(key, Map.of("name", "a"), 201);
        clock.advance(Duration.ofHours(25));
        signInAgain(); // the access token expired with the day

        Api.Response sameKeyNewRequest = post(key, Map.of("name", "b"), 201);

        assertThat(sameKeyNewRequest.status()).isEqualTo(201);
        assertThat(sameKeyNewRequest.header("Idempotent-Replayed")).isNull();
        assertThat(work.runs).hasValue(2);
    }

    @Test
    void theCleanupDeletesKeysOlderThanADay() {
        post(key(), Map.of("name", "a"), 201);
        clock.advance(Duration.ofHours(25));

        assertThat(records.deleteExpired()).isPositive();
        assertThat(records.deleteExpired()).isZero();
    }

    @Test
    void malformedKeysAreBadRequests() {
        assertThat(post("", Map.of("name", "a"), 201).json().get("code").asString()).isEqualTo("invalid_idempotency_key");
        assertThat(post("k".repeat(256), Map.of("name", "a"), 201).status()).isEqualTo(400);
        assertThat(post("k".repeat(255), Map.of("name", "a"), 201).status()).isEqualTo(201);
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        api.post("/api/v1/test-work?status=201").bearer(user.accessToken()).json(Map.of("name", "a")).send();
        api.post("/api/v1/test-work?status=201").bearer(user.accessToken()).json(Map.of("name", "a")).send();

        assertThat(work.runs).hasValue(2);
    }

    @Test
    void aFormPostIsFingerprintedByItsFieldsAndStillReachesTheHandler() {
        String key = key();

        Api.Response first = form(key, "name=a&size=2");
        Api.Response again = form(key, "size=2&name=a");
        Api.Response other = form(key, "name=b&size=2");

        assertThat(first.json().get("name").asString()).isEqualTo("a");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.status()).isEqualTo(422);
        assertThat(work.runs).hasValue(1);
    }

    private Api.Response form(String key, String body) {
        return api.post("/api/v1/test-form").bearer(user.accessToken()).header("Idempotency-Key", key)
                .raw("application/x-www-form-urlencoded", body).send();
    }

    private void signInAgain() {
        Api.Response login = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", TestUsers.PASSWORD)).send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        user = new TestUser(user.id(), user.email(), login.json().get("accessToken").asString(), null);
    }

    private Api.Response post(String key, Map<String, Object> body, int status) {
        return api.post("/api/v1/test-work?status=" + status).bearer(user.accessToken())
                .header("Idempotency-Key", key).json(body).send();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @TestConfiguration
    static class Endpoints {
        @org.springframework.context.annotation.Bean
        Work work() {
            return new Work();
        }
    }

    /** Creates "work": counts its runs, can be held at a gate, answers the status asked for. */
    @RestController
    static class Work {
        final AtomicInteger runs = new AtomicInteger();
        volatile CountDownLatch gate;
        volatile String lastClaim;

        @PostMapping("/api/v1/test-work")
        ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body, @RequestParam int status)
                throws InterruptedException {
            int run = runs.incrementAndGet();
            lastClaim = IdempotentRequest.current().map(claim -> claim.id().toString()).orElse("");
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                waitFor.await(30, TimeUnit.SECONDS);
            }
            if (status >= 500) {
                throw new IllegalStateException("the work failed");
            }
            return ResponseEntity.status(status).header("Location", "/api/v1/test-work/" + run)
                    .body(Map.of("run", run, "claim", lastClaim));
        }

        @PostMapping("/api/v1/test-form")
        Map<String, Object> form(@RequestParam String name) {
            return Map.of("run", runs.incrementAndGet(), "name", name);
        }
    }
}
