package dev.atelier.providers.openai;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class OpenAiProviderTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final FakeProvider fake = new FakeProvider()
            .model("openai/gpt-image-1", ModelKind.IMAGE, "gpt-image-1", Map.of())
            .model("openai/dall-e-3", ModelKind.IMAGE, "dall-e-3", Map.of())
            .model("openai/tts-1", ModelKind.SPEECH, "tts-1", Map.of())
            .model("openai/sora-2", ModelKind.VIDEO, "sora-2", Map.of());
    final OpenAiProvider provider = new OpenAiProvider(
            fake.http("openai", "/v1/", Map.of("Authorization", "Bearer " + FakeProvider.KEY)), fake.models(),
            new InputFiles(null), SECRET);

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    static ProviderRequest image(String model) {
        return FakeProvider.request(model, "image", "an otter", Map.of("size", "1024x1024", "quality", "high"));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void aGptImageComesBackAsBase64AndIsWrittenToAFile() throws Exception {
        fake.server.enqueue(json(200, "{\"created\":1713833628,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(PNG) + "\"}],\"output_format\":\"png\",\"size\":\"1024x1024\"}"));

        Submission result = provider.submit(image("openai/gpt-image-1"));

        assertThat(result).isInstanceOf(Submission.Completed.class);
        var output = (ProviderOutput.LocalFile) ((Submission.Completed) result).outputs().get(0);
        assertThat(Files.readAllBytes(output.path())).isEqualTo(PNG);
        assertThat(output.mediaType()).isEqualTo("image/png");
        RecordedRequest request = fake.server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/images/generations");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FakeProvider.KEY);
        assertThat(request.getBody().readUtf8()).contains("\"model\":\"gpt-image-1\"", "\"prompt\":\"an otter\"",
                "\"quality\":\"high\"");
    }

    @Test
    void aDallEUrlIsFetchedWithoutTheKey() throws Exception {
        fake.server.enqueue(json(200, "{\"created\":1,\"data\":[{\"url\":\"" + fake.base("/files/out.png").toString().replace("localhost", "127.0.0.1")
                + "\",\"revised_prompt\":\"an otter\"}]}"));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody(new Buffer().write(PNG)));

        Submission result = provider.submit(image("openai/dall-e-3"));

        assertThat(result).isInstanceOf(Submission.Completed.class);
        fake.server.takeRequest();
        RecordedRequest fetch = fake.server.takeRequest();
        assertThat(fetch.getPath()).isEqualTo("/files/out.png");
        assertThat(fetch.getHeader("Authorization")).isNull();
    }

    @Test
    void anExpiredOutputUrlIsARetryableFailure() {
        fake.server.enqueue(json(200, "{\"created\":1,\"data\":[{\"url\":\"" + fake.base("/files/gone.png") + "\"}]}"));
        for (int i = 0; i < 3; i++) {
            fake.server.enqueue(json(403, "<Error><Code>AuthenticationFailed</Code></Error>"));
        }

        ProviderFailure failure = failure(provider.submit(image("openai/dall-e-3")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.code()).isEqualTo("output_expired");
    }

    @Test
    void aRefusedPromptIsContentFiltered() {
        fake.server.enqueue(json(400, "{\"error\":{\"message\":\"Your request was rejected by the safety system.\","
                + "\"type\":\"image_generation_user_error\",\"param\":null,\"code\":\"content_policy_violation\"}}"));

        ProviderFailure failure = failure(provider.submit(image("openai/gpt-image-1")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.code()).isEqualTo("content_filtered");
        assertThat(failure.message()).contains("rejected by the safety system");
    }

    @Test
    void badParametersAreInvalidParameters() {
        fake.server.enqueue(json(400, "{\"error\":{\"message\":\"Invalid size\",\"type\":\"invalid_request_error\","
                + "\"param\":\"size\",\"code\":null}}"));

        ProviderFailure failure = failure(provider.submit(image("openai/gpt-image-1")));

        assertThat(failure).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("invalid_parameters", false);
    }

    @Test
    void aShortRetryAfterIsWaitedAndTheCallTriedAgain() throws Exception {
        fake.server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
                .setHeader("Retry-After", "1"));
        fake.server.enqueue(json(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(PNG) + "\"}]}"));

        long started = System.nanoTime();
        assertThat(provider.submit(image("openai/gpt-image-1"))).isInstanceOf(Submission.Completed.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fake.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aLongRetryAfterGoesBackToTheJob() {
        fake.server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").setHeader("Retry-After", "120"));

        ProviderFailure failure = failure(provider.submit(image("openai/gpt-image-1")));

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(fake.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anExhaustedQuotaIsPermanent() {
        fake.server.enqueue(json(429, "{\"error\":{\"message\":\"You exceeded your current quota\","
                + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));

        assertThat(failure(provider.submit(image("openai/gpt-image-1"))))
                .extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_quota_exhausted", false);
    }

    @Test
    void aServerErrorOnCreateIsRetryableButNotRepeatedInTheCall() {
        fake.server.enqueue(json(500, "{\"error\":{\"message\":\"The server had an error\"}}"));

        ProviderFailure failure = failure(provider.submit(image("openai/gpt-image-1")));

        assertThat(failure).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_unavailable", true);
        assertThat(fake.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aStalledServerIsATimeout() {
        fake.server.enqueue(json(200, "{}").setHeadersDelay(2, TimeUnit.SECONDS));

        assertThat(failure(provider.submit(image("openai/gpt-image-1"))))
                .extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_timeout", true);
    }

    @Test
    void aMalformedBodyIsARetryableBadResponse() {
        fake.server.enqueue(json(200, "{\"created\":1,\"data\":"));

        assertThat(failure(provider.submit(image("openai/gpt-image-1"))).code()).isIn("provider_bad_response");
    }

    @Test
    void theKeyNeverAppearsInAFailure() {
        fake.server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + FakeProvider.KEY + "\"}}"));
        fake.server.enqueue(json(400, "{\"error\":{\"message\":\"bad key " + FakeProvider.KEY + "\"}}"));

        ProviderFailure auth = failure(provider.submit(image("openai/gpt-image-1")));
        ProviderFailure bad = failure(provider.submit(image("openai/gpt-image-1")));

        assertThat(auth.code()).isEqualTo("provider_auth_failed");
        assertThat(auth.message()).doesNotContain(FakeProvider.KEY);
        assertThat(bad.message()).doesNotContain(FakeProvider.KEY).contains("***");
        assertThat(fake.meters.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().toString()).doesNotContain(FakeProvider.KEY));
    }

    @Test
    void speechIsStreamedToAnAudioFile() throws Exception {
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
                .setBody(new Buffer().write(new byte[] {1, 2, 3, 4})));

        Submission result = provider.submit(FakeProvider.request("openai/tts-1", "speech", "hello",
                Map.of("voice", "nova", "speed", 1.25)));

        var output = (ProviderOutput.LocalFile) ((Submission.Completed) result).outputs().get(0);
        assertThat(output.mediaType()).isEqualTo("audio/mpeg");
        assertThat(Files.size(output.path())).isEqualTo(4);
        assertThat(fake.server.takeRequest().getBody().readUtf8()).contains("\"voice\":\"nova\"", "\"input\":\"hello\"");
    }

    @Test
    void aSoraVideoIsCreatedPolledWithItsProgressAndDownloaded() throws Exception {
        ProviderRequest request = FakeProvider.request("openai/sora-2", "video", "a wave",
                Map.of("durationSeconds", "8", "size", "1280x720"));
        fake.server.enqueue(json(200, "{\"id\":\"video_123\",\"object\":\"video\",\"model\":\"sora-2\",\"status\":\"queued\","
                + "\"progress\":0,\"created_at\":1712697600,\"size\":\"1280x720\",\"seconds\":\"8\"}"));
        fake.server.enqueue(json(200, "{\"id\":\"video_123\",\"status\":\"in_progress\",\"progress\":40}")
                .setHeader("openai-poll-after-ms", "2500"));
        fake.server.enqueue(json(200, "{\"id\":\"video_123\",\"status\":\"completed\",\"progress\":100}"));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(new byte[] {0, 0, 0, 24})));

        Submission accepted = provider.submit(request);
        PollResult running = provider.poll(request, "video_123");
        PollResult done = provider.poll(request, "video_123");

        assertThat(accepted).isEqualTo(new Submission.Accepted("video_123", null));
        assertThat(running).isEqualTo(new PollResult.Running(40, Duration.ofMillis(2500)));
        assertThat(((PollResult.Completed) done).outputs().get(0)).isInstanceOf(ProviderOutput.LocalFile.class);
        RecordedRequest create = fake.server.takeRequest();
        assertThat(create.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(create.getBody().readUtf8()).contains("name=\"seconds\"\r\n\r\n8");
        fake.server.takeRequest();
        fake.server.takeRequest();
        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/v1/videos/video_123/content?variant=video");
    }

    @Test
    void aModeratedVideoIsContentFilteredAndAFailedOneIsPermanent() {
        ProviderRequest request = FakeProvider.request("openai/sora-2", "video", "a wave", Map.of());
        fake.server.enqueue(json(200, "{\"id\":\"v\",\"status\":\"failed\",\"error\":{\"code\":\"moderation_blocked\","
                + "\"message\":\"blocked\"}}"));
        fake.server.enqueue(json(200, "{\"id\":\"v\",\"status\":\"failed\",\"error\":{\"code\":\"internal\",\"message\":\"oops\"}}"));

        assertThat(((PollResult.Failed) provider.poll(request, "v")).failure().code()).isEqualTo("content_filtered");
        assertThat(((PollResult.Failed) provider.poll(request, "v")).failure())
                .extracting(ProviderFailure::code, ProviderFailure::retryable).containsExactly("provider_failed", false);
    }

    @Test
    void cancelDeletesTheVideo() throws Exception {
        fake.server.enqueue(json(200, "{\"id\":\"video_9\",\"deleted\":true}"));

        provider.cancel(FakeProvider.request("openai/sora-2", "video", "x", Map.of()), "video_9");

        RecordedRequest cancel = fake.server.takeRequest();
        assertThat(cancel.getMethod()).isEqualTo("DELETE");
        assertThat(cancel.getPath()).isEqualTo("/v1/videos/video_9");
    }

    @Test
    void repeatedOutagesOpenTheBreakerAndCallsFailFast() {
        for (int i = 0; i < 6; i++) {
            fake.server.enqueue(json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        }
        for (int i = 0; i < 6; i++) {
            provider.submit(image("openai/gpt-image-1"));
        }

        assertThat(provider.accepting()).isFalse();
        ProviderFailure failure = failure(provider.submit(image("openai/gpt-image-1")));
        assertThat(failure.code()).isEqualTo("provider_unavailable");
        assertThat(failure.message()).contains("circuit breaker");
        assertThat(fake.server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void webhooksVerifyByStandardWebhooks() {
        byte[] body = "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":1758941485,\"type\":\"video.completed\",\"data\":{\"id\":\"video_abc\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1758941485);
        StandardWebhooks signer = new StandardWebhooks(SECRET);

        assertThat(provider.verify(headers("msg_1", now.getEpochSecond(), signer.signature("msg_1", now.getEpochSecond(), body)), body, now))
                .isInstanceOfSatisfying(Verified.Notice.class, notice -> {
                    assertThat(notice.providerJobId()).isEqualTo("video_abc");
                    assertThat(notice.messageId()).isEqualTo("msg_1");
                });
        assertThat(provider.verify(headers("msg_1", now.getEpochSecond(), "v1,AAAA"), body, now))
                .isInstanceOf(Verified.Refused.class);
        assertThat(provider.verify(headers("msg_1", now.getEpochSecond(), signer.signature("msg_1", now.getEpochSecond(), body)),
                body, now.plusSeconds(600))).isInstanceOf(Verified.Refused.class);
    }

    static HttpHeaders headers(String id, long ts, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("webhook-id", id);
        headers.add("webhook-timestamp", String.valueOf(ts));
        headers.add("webhook-signature", signature);
        return headers;
    }

    static ProviderFailure failure(Submission submission) {
        assertThat(submission).isInstanceOf(Submission.Failed.class);
        return ((Submission.Failed) submission).failure();
    }
}
