package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.accepted;
import static dev.atelier.generation.ScriptedProvider.done;
import static dev.atelier.generation.ScriptedProvider.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.credits.Credits;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Timeouts, late successes and racing deliveries end in one terminal state and one settlement. */
@AtelierTest
@Import({ScriptedProvider.class, GenerationsApi.class, dev.atelier.generation.internal.GenerationTestAccess.class})
@TestPropertySource(properties = {
        "atelier.scheduler.polling-interval=100ms",
        "atelier.generation.first-poll=100ms",
        "atelier.generation.max-poll=200ms",
        "atelier.generation.timeouts.[test/scripted]=5m"})
class GenerationRacesTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    Credits credits;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.atelier.generation.internal.GenerationTestAccess access;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Autowired
    GenerationsApi generations;

    private String submit(TestUsers.TestUser user, String prompt) {
        return generations.submitted(user, NewGeneration.of(ScriptedProvider.MODEL, prompt));
    }

    private JsonNode get(TestUsers.TestUser user, String id) {
        return generations.get(user, id);
    }

    /** Unlike {@link GenerationsApi#awaitStatus}, passes other end states: a timed-out job may still succeed late. */
    private JsonNode awaitStatus(TestUsers.TestUser user, String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> get(user, id),
                body -> status.equals(body.get("status").asString()));
    }

    private int settlements(String id) {
        return jdbc.sql("select count(*) from credit_ledger l join credit_holds h on h.id = l.hold_id"
                        + " where h.reference = :ref and l.kind in ('capture', 'release')")
                .param("ref", "generation:" + id).query(Integer.class).single();
    }

    @Test
    void anOverdueJobIsAskedOnceMoreThenTimedOutAndALateSuccessIsStoredFreeOfCharge() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "slow " + UUID.randomUUID();
        List<Object> answers = new java.util.ArrayList<>(List.of(accepted("job-slow")));
        for (int i = 0; i < 200; i++) {
            answers.add(running(10));
        }
        provider.script(prompt, answers.toArray());
        String id = submit(user, prompt);
        awaitStatus(user, id, "running");

        clock.advance(Duration.ofMinutes(6));
        access.sweep();

        JsonNode timedOut = get(user, id);
        assertThat(timedOut.get("status").asString()).isEqualTo("timed_out");
        assertThat(timedOut.get("error").get("code").asString()).isEqualTo("timeout");
        assertThat(credits.balance(user.id()).available()).isEqualTo(100);
        assertThat(provider.canceled).contains(prompt);

        provider.script(prompt, done()); // the provider finishes after all
        JsonNode late = awaitStatus(user, id, "succeeded");
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(late.get("cost").get("charged").asLong()).isZero();
        assertThat(late.get("outputs")).hasSize(1);
        assertThat(credits.balance(user.id()).available()).isEqualTo(100);
        assertThat(settlements(id)).isEqualTo(1);
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void aLateSuccessAfterTheWindowIsNotStored() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "too late " + UUID.randomUUID();
        provider.script(prompt, accepted("job-late"), running(5), running(5), running(5), running(5));
        String id = submit(user, prompt);
        awaitStatus(user, id, "running");
        clock.advance(Duration.ofMinutes(6));
        access.sweep();
        awaitStatus(user, id, "timed_out");

        clock.advance(Duration.ofHours(25));
        provider.script(prompt, done());

        assertThat(access.step(UUID.fromString(id))).isFalse();
        assertThat(jdbc.sql("select status from generations where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("timed_out");
    }

    @Test
    void racingCompletionsCancelsAndTimeoutsSettleOnce() throws Exception {
        TestUsers.TestUser user = users.signUp();
        for (int round = 0; round < 10; round++) {
            String prompt = "race " + round + " " + UUID.randomUUID();
            provider.script(prompt, accepted("job-race-" + round), ScriptedProvider.BLOCK);
            String id = submit(user, prompt);
            awaitStatus(user, id, "running");
            UUID uuid = UUID.fromString(id);

            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> futures = List.of(
                    pool.submit(() -> { start.await(); return access.succeedWithPicture(uuid); }),
                    pool.submit(() -> { start.await(); return access.succeedWithPicture(uuid); }),
                    pool.submit(() -> { start.await(); return access.end(uuid, GenerationStatus.CANCELED); }),
                    pool.submit(() -> { start.await(); return access.end(uuid, GenerationStatus.TIMED_OUT); }));
            start.countDown();
            for (var future : futures) {
                future.get();
            }
            pool.shutdown();

            JsonNode body = get(user, id);
            assertThat(body.get("status").asString()).isIn("succeeded", "canceled", "timed_out");
            assertThat(settlements(id)).isEqualTo(1);
            if ("succeeded".equals(body.get("status").asString())) {
                assertThat(body.get("outputs")).hasSize(1);
            } else {
                assertThat(body.get("outputs")).isEmpty();
            }
        }
        provider.release.countDown();
        assertThat(credits.audit().violations()).isEmpty();
        assertThat(credits.balance(user.id()).held()).isZero();
    }
}
