package dev.atelier.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.catalog.Catalog;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.NewAsset;
import dev.atelier.media.TestMedia;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.providers.http.Resilience;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The providers through the API against a fake Replicate: availability in the catalog, refusals,
 * a webhook completing a job exactly once (polling keeps saying "processing"), replays, bad
 * signatures, a missing secret, the fallback while a breaker is open, and the metrics.
 */
@AtelierTest
class ProvidersThroughTheApiTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final MockWebServer REPLICATE = new MockWebServer();
    static final AtomicInteger PREDICTIONS = new AtomicInteger();
    static final byte[] PNG;

    static {
        try {
            PNG = Files.readAllBytes(TestMedia.png(64, 64));
            REPLICATE.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getPath();
                    if (path.startsWith("/v1/models/")) {
                        return json(201, "{\"id\":\"pred-" + PREDICTIONS.incrementAndGet() + "\",\"status\":\"starting\"}");
                    }
                    if (path.startsWith("/v1/predictions/")) {
                        return json(200, "{\"id\":\"" + path.substring(16) + "\",\"status\":\"processing\",\"logs\":\"30%\"}");
                    }
                    if (path.startsWith("/files/")) {
                        return new MockResponse().setHeader("Content-Type", "image/png").setBody(new Buffer().write(PNG));
                    }
                    return new MockResponse().setResponseCode(404);
                }
            });
            REPLICATE.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("atelier.providers.replicate.api-key", () -> "r8_test_key");
        registry.add("atelier.providers.replicate.base-url", () -> REPLICATE.url("/v1/").toString());
        registry.add("atelier.providers.replicate.webhook-secret", () -> SECRET);
        registry.add("atelier.providers.openai.api-key", () -> "sk-test");
        registry.add("atelier.providers.openai.base-url", () -> REPLICATE.url("/openai/").toString());
        registry.add("atelier.providers.public-url", () -> "http://atelier.test");
        registry.add("atelier.scheduler.polling-interval", () -> "100ms");
        registry.add("atelier.generation.first-poll", () -> "200ms");
        registry.add("atelier.generation.max-poll", () -> "500ms");
    }

    @AfterAll
    static void stop() throws IOException {
        REPLICATE.close();
    }

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    Assets assets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Resilience resilience;

    @Autowired
    Catalog catalog;

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    JsonNode model(String token, String id) {
        Api.Response response = api.get("/api/v1/models/" + id).bearer(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void modelsOfProvidersWithoutAKeyAreListedAsUnavailableWithTheReason() {
        TestUsers.TestUser user = users.signUp();

        JsonNode off = model(user.accessToken(), "elevenlabs/multilingual-v2");
        JsonNode on = model(user.accessToken(), "replicate/flux-kontext-pro");

        assertThat(off.get("available").asBoolean()).isFalse();
        assertThat(off.get("unavailableReason").asString()).contains("ATELIER_PROVIDERS_ELEVENLABS_API_KEY");
        assertThat(on.get("available").asBoolean()).isTrue();
        assertThat(on.has("unavailableReason")).isFalse();
        assertThat(on.get("inputs").get("image").asInt()).isEqualTo(1);
    }

    @Test
    void submittingToAnUnavailableModelIs422() {
        TestUsers.TestUser user = users.signUp();

        Api.Response response = submit(user, "elevenlabs/multilingual-v2", "hello", List.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("model_unavailable");
    }

    @Test
    void inputAssetsForAModelThatTakesNoneAre400() throws IOException {
        TestUsers.TestUser user = users.signUp();
        Asset image = assets.store(NewAsset.upload(user.id(), "in.png", null), TestMedia.png());

        Api.Response none = submit(user, "replicate/flux-schnell", "otter", List.of(image.id()));
        Api.Response tooMany = submit(user, "replicate/flux-kontext-pro", "otter", List.of(image.id(), image.id()));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("code").asString()).isEqualTo("inputs_not_accepted");
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    void aSignedWebhookCompletesTheJobOnceAndItsReplayIsIgnored() {
        TestUsers.TestUser user = users.signUp();
        String id = submitted(user, "replicate/flux-schnell");
        String prediction = awaitProviderJob(user, id);
        byte[] body = ("{\"id\":\"" + prediction + "\",\"status\":\"succeeded\",\"output\":[\""
                + REPLICATE.url("/files/out.png") + "\"],\"logs\":\"100%\"}").getBytes(StandardCharsets.UTF_8);
        String messageId = "msg_" + UUID.randomUUID();

        Api.Response first = webhook("replicate", messageId, Instant.now().getEpochSecond(), body, null);
        Api.Response replay = webhook("replicate", messageId, Instant.now().getEpochSecond(), body, null);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("outcome").asString()).isEqualTo("delivered");
        assertThat(replay.json().get("outcome").asString()).isEqualTo("replay");
        JsonNode job = api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().json();
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("cost").get("charged").asLong()).isEqualTo(3);
        assertThat(job.get("outputs").get(0).get("mediaType").asString()).isEqualTo("image/png");
        assertThat(jdbc.sql("select count(*) from credit_ledger where user_id = :u and kind in ('capture', 'release')")
                .param("u", user.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongExpiredAndUnsignedWebhooksAre401AndAMissingSecretIs503() {
        byte[] body = "{\"id\":\"pred-x\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        assertThat(webhook("replicate", "msg_1", now, body, "v1,d3Jvbmc=").status()).isEqualTo(401);
        assertThat(webhook("replicate", "msg_2", now - 3600, body, null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/webhooks/providers/replicate").raw("application/json", "{}").send().status())
                .isEqualTo(401);
        Api.Response noSecret = webhook("openai", "msg_3", now, body, null);
        assertThat(noSecret.status()).isEqualTo(503);
        assertThat(noSecret.json().get("code").asString()).isEqualTo("webhooks_not_configured");
        assertThat(webhook("nobody", "msg_4", now, body, null).status()).isEqualTo(404);
    }

    @Test
    void whileTheBreakerIsOpenAModelRunsOnItsFallbackAndIsPricedByIt() {
        setFallback("openai/dall-e-3", "replicate/flux-schnell");
        resilience.guard("openai", 1).breaker().transitionToForcedOpenState();
        try {
            TestUsers.TestUser user = users.signUp();
            String id = submitted(user, "openai/dall-e-3");
            String prediction = awaitProviderJob(user, id);
            byte[] body = ("{\"id\":\"" + prediction + "\",\"status\":\"succeeded\",\"output\":\""
                    + REPLICATE.url("/files/fallback.png") + "\"}").getBytes(StandardCharsets.UTF_8);
            webhook("replicate", "msg_" + UUID.randomUUID(), Instant.now().getEpochSecond(), body, null);

            JsonNode job = api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().json();
            assertThat(job.get("status").asString()).isEqualTo("succeeded");
            assertThat(job.get("model").asString()).isEqualTo("openai/dall-e-3");
            assertThat(job.get("ranModel").asString()).isEqualTo("replicate/flux-schnell");
            assertThat(job.get("cost").get("held").asLong()).isEqualTo(20);
            assertThat(job.get("cost").get("charged").asLong()).isEqualTo(3);
        } finally {
            resilience.guard("openai", 1).breaker().transitionToClosedState();
            setFallback("openai/dall-e-3", null);
        }
    }

    /** Changes the row as an operator would; the node hears the table's trigger a moment later. */
    private void setFallback(String model, String fallback) {
        jdbc.sql("update catalog_models set fallback_model = :fallback where id = :id")
                .param("fallback", fallback).param("id", model).update();
        await().until(() -> Objects.equals(catalog.find(model).orElseThrow().fallbackModel(), fallback));
    }

    @Test
    void breakerStatesAndProviderCallsAreMetricsWithoutKeys() {
        TestUsers.TestUser user = users.signUp();
        awaitProviderJob(user, submitted(user, "replicate/flux-schnell"));

        String metrics = api.get("/actuator/prometheus").bearer(users.admin().accessToken()).send().text(); // admins only

        assertThat(metrics).contains("resilience4j_circuitbreaker_state{", "name=\"replicate\"",
                "atelier_provider_calls_seconds_count{", "provider=\"replicate\"");
        assertThat(metrics).doesNotContain("r8_test_key", "sk-test");
    }

    private Api.Response submit(TestUsers.TestUser user, String model, String prompt, List<UUID> inputs) {
        return api.post("/api/v1/generations").bearer(user.accessToken())
                .json(Map.of("model", model, "prompt", prompt, "inputAssetIds", inputs)).send();
    }

    private String submitted(TestUsers.TestUser user, String model) {
        Api.Response response = submit(user, model, "an otter", List.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("id").asString();
    }

    private String awaitProviderJob(TestUsers.TestUser user, String id) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select provider_job_id from generations where id = :id and progress = 30")
                .param("id", UUID.fromString(id)).query(String.class).optional().orElse(null), job -> job != null);
    }

    private Api.Response webhook(String provider, String messageId, long timestamp, byte[] body, String signature) {
        String signed = signature != null ? signature : new StandardWebhooks(SECRET).signature(messageId, timestamp, body);
        return api.post("/api/v1/webhooks/providers/" + provider)
                .header("webhook-id", messageId).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signed)
                .raw("application/json", new String(body, StandardCharsets.UTF_8)).send();
    }
}
