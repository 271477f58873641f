package dev.atelier.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Endpoints over the API, and what their receivers get: signatures, retries, 410, rotation, redelivery. */
@AtelierTest
@Import(WebhookClient.class)
@TestPropertySource(properties = {
        "atelier.webhooks.allow-private-addresses=true",
        "atelier.webhooks.require-https=false",
        "atelier.webhooks.polling-interval=100ms",
        "atelier.webhooks.disable-after-failures=3",
        "atelier.webhooks.disable-after-failing-for=0s"})
class WebhookEndpointsTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    WebhookClient webhooks;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anEndpointIsCreatedWithItsSecretShownOnceAndOnlyItsOwnerSeesIt() {
        TestUser user = users.signUp();
        Api.Response created = api.post("/api/v1/webhook-endpoints").bearer(user.accessToken())
                .json(Map.of("url", "https://hooks.example.com/atelier", "events", List.of("generation.succeeded"),
                        "description", "prod")).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/webhook-endpoints/" + id);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        assertThat(created.json().get("status").asString()).isEqualTo("enabled");
        JsonNode shown = webhooks.endpoint(user, id);
        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.get("url").asString()).isEqualTo("https://hooks.example.com/atelier");
        JsonNode list = api.get("/api/v1/webhook-endpoints?limit=10").bearer(user.accessToken()).send().json();
        assertThat(list.get("data").get(0).get("id").asString()).isEqualTo(id);
        assertThat(list.get("data").get(0).has("secret")).isFalse();
        assertThat(list.get("hasMore").asBoolean()).isFalse();

        TestUser other = users.signUp();
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).bearer(other.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/webhook-endpoints/" + id).bearer(other.accessToken()).send().status()).isEqualTo(404);
        String withoutScope = users.apiKey(user, "generate");
        Api.Response refused = api.get("/api/v1/webhook-endpoints").bearer(withoutScope).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("missing_scope");
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).bearer(users.apiKey(user, "webhooks")).send().status())
                .isEqualTo(200);

        Api.Response changed = api.patch("/api/v1/webhook-endpoints/" + id).bearer(user.accessToken())
                .json(Map.of("events", List.of("generation.failed", "credits.low"))).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("events").toString()).isEqualTo("[\"generation.failed\",\"credits.low\"]");
        assertThat(changed.json().get("url").asString()).isEqualTo("https://hooks.example.com/atelier");

        assertThat(api.delete("/api/v1/webhook-endpoints/" + id).bearer(user.accessToken()).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).bearer(user.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void badUrlsAndUnknownEventsAreRefused() {
        TestUser user = users.signUp();
        assertThat(create(user, "ftp://example.com/x", "generation.succeeded").json().get("code").asString())
                .isEqualTo("invalid_webhook_url");
        assertThat(create(user, "https://user:pw@example.com/x", "generation.succeeded").status()).isEqualTo(400);
        Api.Response unknown = create(user, "https://example.com/x", "generation.exploded");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("unknown_event_type");
        assertThat(create(user, "https://example.com/x").status()).isEqualTo(400);
    }

    @Test
    void aTestEventArrivesSignedPerStandardWebhooks() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.succeeded");
            JsonNode delivery = webhooks.sendTest(user, endpoint.id());

            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 1);
            Receiver.Received got = receiver.received.getFirst();
            assertThat(got.header("content-type")).startsWith("application/json");
            assertThat(got.header("webhook-id")).isEqualTo(delivery.get("eventId").asString()).startsWith("msg_");
            assertThat(Long.parseLong(got.header("webhook-timestamp"))).isCloseTo(clock.instant().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(30L));
            assertThat(got.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
            assertThat(WebhookClient.verifies(got, endpoint.secret())).isTrue();
            JsonNode body = WebhookClient.json(got);
            assertThat(body.get("type").asString()).isEqualTo("webhook.test");
            assertThat(body.get("id").asString()).isEqualTo(got.header("webhook-id"));
            assertThat(body.get("data").get("endpointId").asString()).isEqualTo(endpoint.id());

            JsonNode logged = webhooks.awaitDelivery(user, endpoint.id(), delivery.get("id").asString(),
                    d -> d.get("status").asString().equals("succeeded"));
            assertThat(logged.get("attempt").asInt()).isEqualTo(1);
            assertThat(logged.get("responseStatus").asInt()).isEqualTo(200);
            assertThat(logged.get("responseExcerpt").asString()).isEqualTo("ok");
            assertThat(logged.get("durationMs").asInt()).isGreaterThanOrEqualTo(0);
            assertThat(logged.get("attempts").get(0).get("outcome").asString()).isEqualTo("succeeded");
            assertThat(webhooks.deliveries(user, endpoint.id()).get(0).get("id").asString())
                    .isEqualTo(delivery.get("id").asString());
        }
    }

    @Test
    void failedAttemptsAreRetriedWithBackoffWhenTheClockMoves() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(500, 503);
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.failed");
            String delivery = webhooks.sendTest(user, endpoint.id()).get("id").asString();

            JsonNode first = webhooks.awaitDelivery(user, endpoint.id(), delivery, d -> d.get("attempt").asInt() == 1);
            assertThat(first.get("status").asString()).isEqualTo("pending");
            assertThat(first.get("responseStatus").asInt()).isEqualTo(500);
            assertSecondsAfter(first, 5);
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.received.size() == 1); // not before its time

            clock.advance(Duration.ofSeconds(7));
            JsonNode second = webhooks.awaitDelivery(user, endpoint.id(), delivery, d -> d.get("attempt").asInt() == 2);
            assertThat(second.get("responseStatus").asInt()).isEqualTo(503);
            assertSecondsAfter(second, 20);

            clock.advance(Duration.ofSeconds(25));
            JsonNode done = webhooks.awaitDelivery(user, endpoint.id(), delivery,
                    d -> d.get("status").asString().equals("succeeded"));
            assertThat(done.get("attempt").asInt()).isEqualTo(3);
            assertThat(done.get("attempts")).extracting(a -> a.get("responseStatus").asInt()).containsExactly(200, 503, 500);
            assertThat(receiver.received).hasSize(3)
                    .allMatch(r -> r.header("webhook-id").equals(done.get("eventId").asString()))
                    .allMatch(r -> WebhookClient.verifies(r, endpoint.secret()));
            assertThat(webhooks.endpoint(user, endpoint.id()).get("consecutiveFailures").asInt()).isZero();
        }
    }

    @Test
    void aGoneReceiverDisablesItsEndpointAndTheUserIsTold() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(410);
            WebhookClient.Created gone = webhooks.create(user, receiver.url("/gone"), "generation.failed");
            WebhookClient.Created watcher = webhooks.create(user, receiver.url("/watcher"), "webhook_endpoint.disabled");
            String delivery = webhooks.sendTest(user, gone.id()).get("id").asString();

            JsonNode failed = webhooks.awaitDelivery(user, gone.id(), delivery, d -> d.get("status").asString().equals("failed"));
            assertThat(failed.get("responseStatus").asInt()).isEqualTo(410);
            assertThat(failed.get("attempt").asInt()).isEqualTo(1);
            JsonNode endpoint = webhooks.endpoint(user, gone.id());
            assertThat(endpoint.get("status").asString()).isEqualTo("disabled");
            assertThat(endpoint.get("disabledReason").asString()).isEqualTo("gone");
            await().atMost(Receiver.patience()).until(() -> receiver.at("/watcher").size() == 1);
            JsonNode told = WebhookClient.json(receiver.at("/watcher").getFirst());
            assertThat(told.get("type").asString()).isEqualTo("webhook_endpoint.disabled");
            assertThat(told.get("data").get("id").asString()).isEqualTo(gone.id());
            assertThat(told.get("data").get("disabledReason").asString()).isEqualTo("gone");
            assertThat(told.get("data").has("secret")).isFalse();
            assertThat(WebhookClient.verifies(receiver.at("/watcher").getFirst(), watcher.secret())).isTrue();

            Api.Response refused = api.post("/api/v1/webhook-endpoints/" + gone.id() + "/test").bearer(user.accessToken()).send();
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("code").asString()).isEqualTo("endpoint_disabled");
            Api.Response enabled = api.patch("/api/v1/webhook-endpoints/" + gone.id()).bearer(user.accessToken())
                    .json(Map.of("enabled", true)).send();
            assertThat(enabled.json().get("status").asString()).isEqualTo("enabled");
            assertThat(enabled.json().has("disabledReason")).isFalse();
        }
    }

    @Test
    void aLongRunOfFailuresDisablesTheEndpoint() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(500, 500, 500, 500);
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.failed");
            String delivery = webhooks.sendTest(user, endpoint.id()).get("id").asString();
            for (int attempt = 1; attempt <= 2; attempt++) {
                int expected = attempt;
                webhooks.awaitDelivery(user, endpoint.id(), delivery, d -> d.get("attempt").asInt() == expected);
                clock.advance(Duration.ofMinutes(2));
            }
            JsonNode failed = webhooks.awaitDelivery(user, endpoint.id(), delivery,
                    d -> d.get("status").asString().equals("failed"));
            assertThat(failed.get("attempt").asInt()).isEqualTo(3);
            JsonNode shown = webhooks.endpoint(user, endpoint.id());
            assertThat(shown.get("status").asString()).isEqualTo("disabled");
            assertThat(shown.get("disabledReason").asString()).isEqualTo("failing");
            assertThat(shown.get("consecutiveFailures").asInt()).isEqualTo(3);
        }
    }

    @Test
    void duringARotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.failed");
            Api.Response rotated = api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret")
                    .bearer(user.accessToken()).send();
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            String next = rotated.json().get("secret").asString();
            assertThat(next).startsWith("whsec_").isNotEqualTo(endpoint.secret());
            assertThat(rotated.json().get("previousSecretExpiresAt").asString()).isNotBlank();

            webhooks.sendTest(user, endpoint.id());
            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 1);
            Receiver.Received during = receiver.received.getFirst();
            String[] signatures = during.header("webhook-signature").split(" ");
            assertThat(signatures).hasSize(2);
            assertThat(WebhookClient.verifies(during, endpoint.secret())).isTrue();
            assertThat(WebhookClient.verifies(during, next)).isTrue();

            clock.advance(Duration.ofHours(25));
            TestUser again = login(user);
            assertThat(webhooks.endpoint(again, endpoint.id()).has("previousSecretExpiresAt")).isFalse();
            webhooks.sendTest(again, endpoint.id());
            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 2);
            Receiver.Received after = receiver.received.get(1);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(WebhookClient.verifies(after, next)).isTrue();
            assertThat(WebhookClient.verifies(after, endpoint.secret())).isFalse();
        }
    }

    @Test
    void aFinishedDeliveryIsSentAgainOnRequestUnderTheSameEventId() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.failed");
            String delivery = webhooks.sendTest(user, endpoint.id()).get("id").asString();
            webhooks.awaitDelivery(user, endpoint.id(), delivery, d -> d.get("status").asString().equals("succeeded"));

            Api.Response again = api.post("/api/v1/webhook-endpoints/" + endpoint.id() + "/deliveries/" + delivery
                    + "/redeliver").bearer(user.accessToken()).send();
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            assertThat(again.header("Location")).endsWith("/deliveries/" + delivery);

            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 2);
            assertThat(receiver.received.get(1).header("webhook-id")).isEqualTo(receiver.received.get(0).header("webhook-id"));
            JsonNode done = webhooks.awaitDelivery(user, endpoint.id(), delivery,
                    d -> d.get("status").asString().equals("succeeded") && d.get("attempt").asInt() == 2);
            assertThat(done.get("attempts")).hasSize(2);
        }
    }

    @Test
    void redirectsAreNotFollowedAndLongAnswersAreCutShort() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(302);
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/hook"), "generation.failed");
            String redirected = webhooks.sendTest(user, endpoint.id()).get("id").asString();
            JsonNode first = webhooks.awaitDelivery(user, endpoint.id(), redirected, d -> d.get("attempt").asInt() == 1);
            assertThat(first.get("responseStatus").asInt()).isEqualTo(302);
            assertThat(first.get("status").asString()).isEqualTo("pending");
            assertThat(receiver.at("/redirected")).isEmpty();

            receiver.body("x".repeat(1_000_000).getBytes());
            String big = webhooks.sendTest(user, endpoint.id()).get("id").asString();
            JsonNode done = webhooks.awaitDelivery(user, endpoint.id(), big, d -> d.get("status").asString().equals("succeeded"));
            assertThat(done.get("responseExcerpt").asString()).hasSize(1000);
        }
    }

    private static void assertSecondsAfter(JsonNode delivery, long seconds) {
        java.time.Instant attempted = java.time.Instant.parse(delivery.get("attemptedAt").asString());
        java.time.Instant next = java.time.Instant.parse(delivery.get("nextAttemptAt").asString());
        assertThat(Duration.between(attempted, next).toMillis())
                .isBetween((long) (seconds * 800), (long) (seconds * 1200) + 1000);
    }

    private Api.Response create(TestUser user, String url, String... events) {
        return api.post("/api/v1/webhook-endpoints").bearer(user.accessToken())
                .json(Map.of("url", url, "events", List.of(events))).send();
    }

    private TestUser login(TestUser user) {
        JsonNode body = api.post("/api/v1/auth/login").json(Map.of("email", user.email(), "password", TestUsers.PASSWORD))
                .send().json();
        return new TestUser(user.id(), user.email(), body.get("accessToken").asString(), body.get("refreshToken").asString());
    }
}
