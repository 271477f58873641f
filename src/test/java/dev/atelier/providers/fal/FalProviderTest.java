package dev.atelier.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.catalog.ModelKind;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.http.FakeProvider;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.webhooks.WebhookReceiver.Verified;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class FalProviderTest {

    final Ed25519PrivateKeyParameters signingKey = new Ed25519PrivateKeyParameters(new SecureRandom());
    final MockWebServer keysServer = new MockWebServer();
    final FakeProvider fake = new FakeProvider()
            .model("fal/flux-schnell", ModelKind.IMAGE, "fal-ai/flux/schnell", Map.of());
    final FalProvider provider;
    final ProviderRequest request = FakeProvider.request("fal/flux-schnell", "image", "otter",
            Map.of("imageSize", "square_hd", "seed", 7L));

    FalProviderTest() throws Exception {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(signingKey.generatePublicKey().getEncoded());
        keysServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest recorded) {
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"1\"}]}");
            }
        });
        keysServer.start();
        provider = new FalProvider(fake.http("fal", "/", Map.of("Authorization", "Key " + FakeProvider.KEY)),
                fake.models(), new InputFiles(null), keysServer.url("/.well-known/jwks.json").uri(),
                URI.create("https://atelier.example/api/v1/webhooks/providers/fal"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
        keysServer.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void aRequestIsQueuedPolledThroughItsStatesAndItsImagesFetched() throws Exception {
        fake.server.enqueue(json(200, "{\"request_id\":\"r1\",\"response_url\":\"x\",\"status_url\":\"y\",\"cancel_url\":\"z\",\"queue_position\":3}"));
        fake.server.enqueue(json(200, "{\"status\":\"IN_QUEUE\",\"queue_position\":2,\"request_id\":\"r1\"}"));
        fake.server.enqueue(json(200, "{\"status\":\"IN_PROGRESS\",\"logs\":[{\"message\":\"step 3/4 75%\",\"level\":\"INFO\"}]}"));
        fake.server.enqueue(json(200, "{\"status\":\"COMPLETED\",\"logs\":[],\"metrics\":{\"inference_time\":1.2}}"));
        fake.server.enqueue(json(200, "{\"images\":[{\"url\":\"" + fake.base("/files/a.png") + "\",\"content_type\":\"image/png\"}],\"seed\":7}"));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody("png"));

        assertThat(provider.submit(request)).isEqualTo(new Submission.Accepted("r1", null));
        assertThat(provider.poll(request, "r1")).isEqualTo(new PollResult.Running(0, null));
        assertThat(provider.poll(request, "r1")).isEqualTo(new PollResult.Running(75, null));
        assertThat(provider.poll(request, "r1")).isInstanceOf(PollResult.Completed.class);

        RecordedRequest submit = fake.server.takeRequest();
        assertThat(submit.getPath()).startsWith("/fal-ai/flux/schnell?fal_webhook=https%3A%2F%2Fatelier.example");
        assertThat(submit.getHeader("Authorization")).isEqualTo("Key " + FakeProvider.KEY);
        assertThat(submit.getBody().readUtf8()).contains("\"image_size\":\"square_hd\"", "\"seed\":7");
        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/fal-ai/flux/requests/r1/status?logs=1");
        fake.server.takeRequest();
        fake.server.takeRequest();
        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/fal-ai/flux/requests/r1");
    }

    @Test
    void aFailedResultAndValidationErrorsBecomeCodes() {
        fake.server.enqueue(json(200, "{\"status\":\"COMPLETED\"}"));
        fake.server.enqueue(json(422, "{\"detail\":[{\"loc\":[\"body\",\"image_size\"],\"msg\":\"bad size\",\"type\":\"value_error\"}]}"));
        fake.server.enqueue(json(503, "upstream down"));
        fake.server.enqueue(json(503, "upstream down"));
        fake.server.enqueue(json(503, "upstream down"));

        assertThat(failure(provider.poll(request, "r1"))).extracting(ProviderFailure::code, ProviderFailure::message)
                .containsExactly("invalid_parameters", "fal refused the request: bad size");
        assertThat(failure(provider.poll(request, "r1"))).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_unavailable", true);
    }

    @Test
    void cancelUsesPutOnTheAppPath() throws Exception {
        fake.server.enqueue(json(202, "{\"status\":\"CANCELLATION_REQUESTED\"}"));

        provider.cancel(request, "r1");

        RecordedRequest cancel = fake.server.takeRequest();
        assertThat(cancel.getMethod()).isEqualTo("PUT");
        assertThat(cancel.getPath()).isEqualTo("/fal-ai/flux/requests/r1/cancel");
    }

    @Test
    void webhooksVerifyWithEd25519AgainstFetchedKeys() {
        Instant now = Instant.now();
        byte[] body = ("{\"request_id\":\"r1\",\"gateway_request_id\":\"r1\",\"status\":\"ERROR\",\"error\":\"Invalid status code: 422\","
                + "\"payload\":{\"detail\":[{\"msg\":\"bad\"}]}}").getBytes(StandardCharsets.UTF_8);

        Verified valid = provider.verify(signed("r1", now.getEpochSecond(), body), body, now);
        Verified tampered = provider.verify(signed("r1", now.getEpochSecond(), body), "{}".getBytes(StandardCharsets.UTF_8), now);
        Verified expired = provider.verify(signed("r1", now.getEpochSecond() - 400, body), body, now);
        HttpHeaders unsigned = signed("r1", now.getEpochSecond(), body);
        unsigned.remove("X-Fal-Webhook-Signature");

        assertThat(provider.webhooksConfigured()).isTrue();
        assertThat(valid).isInstanceOfSatisfying(Verified.Notice.class, notice -> {
            assertThat(notice.providerJobId()).isEqualTo("r1");
            assertThat(((PollResult.Failed) notice.result().apply(request)).failure().code()).isEqualTo("invalid_parameters");
        });
        assertThat(tampered).isInstanceOf(Verified.Refused.class);
        assertThat(expired).isInstanceOf(Verified.Refused.class);
        assertThat(provider.verify(unsigned, body, now)).isInstanceOf(Verified.Refused.class);
        assertThat(keysServer.getRequestCount()).isLessThanOrEqualTo(2); // cached
    }

    HttpHeaders signed(String requestId, long timestamp, byte[] body) {
        try {
            String message = requestId + "\nuser-1\n" + timestamp + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, signingKey);
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            signer.update(bytes, 0, bytes.length);
            HttpHeaders headers = new HttpHeaders();
            headers.add("X-Fal-Webhook-Request-Id", requestId);
            headers.add("X-Fal-Webhook-User-Id", "user-1");
            headers.add("X-Fal-Webhook-Timestamp", String.valueOf(timestamp));
            headers.add("X-Fal-Webhook-Signature", HexFormat.of().formatHex(signer.generateSignature()));
            return headers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ProviderFailure failure(PollResult result) {
        assertThat(result).isInstanceOf(PollResult.Failed.class);
        return ((PollResult.Failed) result).failure();
    }
}
