package dev.atelier.webhooks;

import static dev.atelier.generation.ScriptedProvider.accepted;
import static dev.atelier.generation.ScriptedProvider.doneNow;
import static dev.atelier.generation.ScriptedProvider.permanentFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.generation.GenerationStatus;
import dev.atelier.generation.GenerationsApi;
import dev.atelier.generation.ScriptedProvider;
import dev.atelier.generation.internal.GenerationTestAccess;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** What generations and credits tell webhooks, in the transaction that made it so. */
@AtelierTest
@Import({ScriptedProvider.class, GenerationsApi.class, GenerationTestAccess.class, WebhookClient.class})
@TestPropertySource(properties = {
        "atelier.webhooks.allow-private-addresses=true",
        "atelier.webhooks.require-https=false",
        "atelier.webhooks.polling-interval=100ms",
        "atelier.scheduler.polling-interval=100ms"})
class GenerationWebhooksTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @Autowired
    GenerationTestAccess engine;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    WebhookClient webhooks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFinishedGenerationIsDeliveredAsTheApiShowsIt() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.succeeded",
                    "generation.failed");
            String good = "webhook success " + UUID.randomUUID();
            String bad = "webhook failure " + UUID.randomUUID();
            provider.script(good, doneNow());
            provider.script(bad, accepted("job-" + UUID.randomUUID()), permanentFailure());
            String succeeded = generations.submitted(user, dev.atelier.generation.NewGeneration.of(ScriptedProvider.MODEL, good));
            String failed = generations.submitted(user, dev.atelier.generation.NewGeneration.of(ScriptedProvider.MODEL, bad));

            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 2);
            JsonNode success = event(receiver, "generation.succeeded");
            JsonNode shown = generations.get(user, succeeded);
            assertThat(success.get("data").get("id").asString()).isEqualTo(succeeded);
            assertThat(success.get("data").get("status").asString()).isEqualTo("succeeded");
            assertThat(success.get("data").get("cost")).isEqualTo(shown.get("cost"));
            assertThat(success.get("data").get("outputs").get(0).get("id")).isEqualTo(shown.get("outputs").get(0).get("id"));
            assertThat(success.get("data").get("prompt").asString()).isEqualTo(good);
            JsonNode failure = event(receiver, "generation.failed");
            assertThat(failure.get("data").get("id").asString()).isEqualTo(failed);
            assertThat(failure.get("data").get("error").get("code").asString()).isEqualTo("content_filtered");
            assertThat(receiver.received).allMatch(r -> WebhookClient.verifies(r, endpoint.secret()));
        }
    }

    @Test
    void aRolledBackEndSendsNothingAndTheEndThatCommitsIsSentOnce() throws Exception {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            webhooks.create(user, receiver.url("/hook"), "generation.failed", "generation.canceled");
            String prompt = "blocked " + UUID.randomUUID();
            provider.blocked = new CountDownLatch(1);
            provider.release = new CountDownLatch(1);
            provider.script(prompt, ScriptedProvider.BLOCK);
            String id = generations.submitted(user, dev.atelier.generation.NewGeneration.of(ScriptedProvider.MODEL, prompt));
            provider.blocked.await();

            transactions.executeWithoutResult(tx -> {
                assertThat(engine.end(UUID.fromString(id), GenerationStatus.FAILED)).isTrue();
                assertThat(messages(user)).as("written in the transaction").isEqualTo(1);
                tx.setRollbackOnly();
            });

            assertThat(messages(user)).isZero();
            assertThat(generations.get(user, id).get("status").asString()).isEqualTo("running");
            Api.Response canceled = api.post("/api/v1/generations/" + id + "/cancel").bearer(user.accessToken()).send();
            assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received.size() == 1);
            assertThat(WebhookClient.json(receiver.received.getFirst()).get("type").asString())
                    .isEqualTo("generation.canceled");
            assertThat(messages(user)).isEqualTo(1);
        } finally {
            provider.release.countDown();
        }
    }

    @Test
    void creditsLowIsSentOnceWhenACaptureTakesTheBalanceBelowTheUsersThreshold() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            Api.Response set = api.put("/api/v1/webhook-endpoints/settings").bearer(user.accessToken())
                    .json(Map.of("creditsLowThreshold", 99)).send();
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(api.get("/api/v1/webhook-endpoints/settings").bearer(user.accessToken()).send().json()
                    .get("creditsLowThreshold").asLong()).isEqualTo(99);
            webhooks.create(user, receiver.url("/hook"), "credits.low");
            for (int i = 0; i < 2; i++) {
                String prompt = "spend " + i + " " + UUID.randomUUID();
                provider.script(prompt, doneNow());
                generations.awaitStatus(user, generations.submitted(user,
                        dev.atelier.generation.NewGeneration.of(ScriptedProvider.MODEL, prompt)), "succeeded");
            }

            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received.size() == 1);
            JsonNode low = WebhookClient.json(receiver.received.getFirst());
            assertThat(low.get("type").asString()).isEqualTo("credits.low");
            assertThat(low.get("data").get("balance").asLong()).isEqualTo(100 - ScriptedProvider.PRICE);
            assertThat(low.get("data").get("threshold").asLong()).isEqualTo(99);
            assertThat(api.put("/api/v1/webhook-endpoints/settings").bearer(user.accessToken())
                    .json(Map.of("creditsLowThreshold", -1)).unvalidatedRequest().send().status()).isEqualTo(400);
        }
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    /** Render publishes ExportFinished in the transaction that ends an export; canceled ones are not sent. */
    @Test
    void anEndedExportIsDeliveredAsSucceededOrFailedAndACanceledOneIsNot() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            webhooks.create(user, receiver.url("/hook"), "export.succeeded", "export.failed");
            UUID done = UUID.randomUUID();
            UUID late = UUID.randomUUID();
            transactions.executeWithoutResult(tx -> {
                events.publishEvent(new dev.atelier.render.ExportFinished(done, user.id(), "succeeded",
                        java.util.Map.of("id", done.toString(), "status", "succeeded")));
                events.publishEvent(new dev.atelier.render.ExportFinished(late, user.id(), "timed_out",
                        java.util.Map.of("id", late.toString(), "status", "timed_out")));
                events.publishEvent(new dev.atelier.render.ExportFinished(UUID.randomUUID(), user.id(), "canceled",
                        java.util.Map.of("status", "canceled")));
            });

            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 2);
            assertThat(event(receiver, "export.succeeded").get("data").get("id").asString()).isEqualTo(done.toString());
            assertThat(event(receiver, "export.failed").get("data").get("status").asString()).isEqualTo("timed_out");
            assertThat(messages(user)).as("nothing recorded for the canceled export").isEqualTo(2);
        }
    }

    private static JsonNode event(Receiver receiver, String type) {
        return receiver.received.stream().map(WebhookClient::json).filter(e -> e.get("type").asString().equals(type))
                .findFirst().orElseThrow();
    }

    private long messages(TestUser user) {
        return jdbc.sql("select count(*) from webhook_messages where owner_id = :owner").param("owner", user.id())
                .query(Long.class).single();
    }
}
