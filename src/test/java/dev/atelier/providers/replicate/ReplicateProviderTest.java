package dev.atelier.providers.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.catalog.ModelKind;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.providers.http.FakeProvider;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.webhooks.WebhookReceiver.Verified;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ReplicateProviderTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final FakeProvider fake = new FakeProvider()
            .model("replicate/flux-schnell", ModelKind.IMAGE, "black-forest-labs/flux-schnell", Map.of("output_format", "png"))
            .model("replicate/pinned", ModelKind.IMAGE, "owner/model:abc123", Map.of());
    final ReplicateProvider provider = new ReplicateProvider(
            fake.http("replicate", "/v1/", Map.of("Authorization", "Bearer " + FakeProvider.KEY)), fake.models(),
            new InputFiles(null), SECRET, URI.create("https://atelier.example/api/v1/webhooks/providers/replicate"), 5);
    final ProviderRequest request = FakeProvider.request("replicate/flux-schnell", "image", "otter",
            Map.of("aspectRatio", "16:9"));

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    String prediction(String status, String output, String logs) {
        return "{\"id\":\"p1\",\"model\":\"black-forest-labs/flux-schnell\",\"version\":\"hidden\",\"status\":\"" + status
                + "\",\"input\":{\"prompt\":\"otter\"},\"output\":" + output + ",\"error\":null,\"logs\":\"" + logs
                + "\",\"data_removed\":false,\"urls\":{\"get\":\"" + fake.base("/v1/predictions/p1") + "\"}}";
    }

    @Test
    void aQuickModelAnswersWithinPreferWaitAndItsOutputIsFetched() throws Exception {
        fake.server.enqueue(json(201, prediction("succeeded", "[\"" + fake.base("/delivery/out-0.png") + "\"]", "")));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody(new Buffer().write(new byte[] {1, 2})));

        Submission result = provider.submit(request);

        assertThat(result).isInstanceOf(Submission.Completed.class);
        assertThat(((Submission.Completed) result).outputs()).hasSize(1).first().isInstanceOf(ProviderOutput.LocalFile.class);
        RecordedRequest create = fake.server.takeRequest();
        assertThat(create.getPath()).isEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions");
        assertThat(create.getHeader("Prefer")).isEqualTo("wait=5");
        assertThat(create.getBody().readUtf8()).contains("\"aspect_ratio\":\"16:9\"", "\"output_format\":\"png\"",
                "\"webhook\":\"https://atelier.example/api/v1/webhooks/providers/replicate\"");
    }

    @Test
    void aVersionedModelUsesThePredictionsEndpoint() throws Exception {
        fake.server.enqueue(json(201, prediction("starting", "null", "")));

        provider.submit(FakeProvider.request("replicate/pinned", "image", "otter", Map.of()));

        RecordedRequest create = fake.server.takeRequest();
        assertThat(create.getPath()).isEqualTo("/v1/predictions");
        assertThat(create.getBody().readUtf8()).contains("\"version\":\"abc123\"");
    }

    @Test
    void aSlowModelIsAcceptedThenPolledWithProgressFromItsLogs() {
        fake.server.enqueue(json(201, prediction("starting", "null", "")));
        fake.server.enqueue(json(200, prediction("processing", "null", " 10%|#  | 1/10\\n 70%|#######  | 7/10")));
        fake.server.enqueue(json(200, prediction("succeeded", "\"" + fake.base("/delivery/out.png") + "\"", "100%")));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody("png"));

        assertThat(provider.submit(request)).isEqualTo(new Submission.Accepted("p1", null));
        assertThat(provider.poll(request, "p1")).isEqualTo(new PollResult.Running(70, null));
        assertThat(provider.poll(request, "p1")).isInstanceOf(PollResult.Completed.class);
    }

    @Test
    void failuresCancelsAndFilteredContentBecomeAtelierCodes() {
        fake.server.enqueue(json(200, "{\"id\":\"p1\",\"status\":\"failed\",\"error\":\"NSFW content detected. Try a different prompt.\"}"));
        fake.server.enqueue(json(200, "{\"id\":\"p1\",\"status\":\"failed\",\"error\":\"CUDA out of memory\"}"));
        fake.server.enqueue(json(200, "{\"id\":\"p1\",\"status\":\"canceled\"}"));
        fake.server.enqueue(json(422, "{\"type\":\"about:blank\",\"title\":\"Input validation failed\",\"status\":422,"
                + "\"detail\":\"- input.aspect_ratio: must be one of ...\"}"));

        assertThat(failure(provider.poll(request, "p1")).code()).isEqualTo("content_filtered");
        assertThat(failure(provider.poll(request, "p1"))).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_failed", false);
        assertThat(failure(provider.poll(request, "p1")).code()).isEqualTo("provider_canceled");
        assertThat(failure(provider.poll(request, "p1"))).extracting(ProviderFailure::code, ProviderFailure::message)
                .containsExactly("invalid_parameters", "replicate refused the request: - input.aspect_ratio: must be one of ...");
    }

    @Test
    void throttlingHonoursRetryAfterAndServerErrorsAreRetriedOnReads() {
        fake.server.enqueue(json(429, "{\"detail\":\"Request was throttled. Your rate limit resets in ~30s.\"}")
                .setHeader("Retry-After", "30"));
        fake.server.enqueue(json(502, "bad gateway"));
        fake.server.enqueue(json(200, prediction("processing", "null", "")));

        ProviderFailure throttled = ((Submission.Failed) provider.submit(request)).failure();
        PollResult afterRetry = provider.poll(request, "p1");

        assertThat(throttled.code()).isEqualTo("rate_limited");
        assertThat(throttled.retryAfter()).hasSeconds(30);
        assertThat(afterRetry).isInstanceOf(PollResult.Running.class);
        assertThat(fake.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anExpiredDeliveryUrlIsRetryableAndRemovedDataIsNot() {
        fake.server.enqueue(json(200, prediction("succeeded", "[\"" + fake.base("/delivery/old.png") + "\"]", "")));
        fake.server.enqueue(new MockResponse().setResponseCode(404));
        fake.server.enqueue(json(200, "{\"id\":\"p1\",\"status\":\"succeeded\",\"output\":null,\"data_removed\":true}"));

        assertThat(failure(provider.poll(request, "p1"))).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("output_expired", true);
        assertThat(failure(provider.poll(request, "p1"))).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("output_expired", false);
    }

    @Test
    void aMalformedPredictionIsABadResponse() {
        fake.server.enqueue(json(200, "<html>gateway</html>"));

        assertThat(failure(provider.poll(request, "p1")).code()).isEqualTo("provider_bad_response");
    }

    @Test
    void cancelPostsToTheCancelUrl() throws Exception {
        fake.server.enqueue(json(200, prediction("canceled", "null", "")));

        provider.cancel(request, "p1");

        RecordedRequest cancel = fake.server.takeRequest();
        assertThat(cancel.getMethod()).isEqualTo("POST");
        assertThat(cancel.getPath()).isEqualTo("/v1/predictions/p1/cancel");
    }

    @Test
    void webhooksAreVerifiedAndCarryThePrediction() {
        byte[] body = "{\"id\":\"p1\",\"status\":\"processing\",\"logs\":\"50%\"}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        StandardWebhooks signer = new StandardWebhooks(SECRET);
        String signature = signer.signature("msg_9", now.getEpochSecond(), body);

        Verified valid = provider.verify(headers("msg_9", now.getEpochSecond(), signature), body, now);
        Verified wrong = provider.verify(headers("msg_9", now.getEpochSecond(), signature),
                "{\"id\":\"p2\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8), now);
        Verified expired = provider.verify(headers("msg_9", now.getEpochSecond(), signature), body, now.plusSeconds(400));

        assertThat(valid).isInstanceOfSatisfying(Verified.Notice.class, notice -> {
            assertThat(notice.providerJobId()).isEqualTo("p1");
            assertThat(notice.result().apply(request)).isEqualTo(new PollResult.Running(50, null));
        });
        assertThat(wrong).isInstanceOf(Verified.Refused.class);
        assertThat(expired).isInstanceOf(Verified.Refused.class);
    }

    static HttpHeaders headers(String id, long ts, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("webhook-id", id);
        headers.add("webhook-timestamp", String.valueOf(ts));
        headers.add("webhook-signature", signature);
        return headers;
    }

    static ProviderFailure failure(PollResult result) {
        assertThat(result).isInstanceOf(PollResult.Failed.class);
        return ((PollResult.Failed) result).failure();
    }
}
