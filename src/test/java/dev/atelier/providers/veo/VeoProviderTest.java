package dev.atelier.providers.veo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.catalog.ModelKind;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.http.FakeProvider;
import dev.atelier.providers.http.InputFiles;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VeoProviderTest {

    static final String OPERATION = "models/veo-3.1-generate-preview/operations/abc123";

    final FakeProvider fake = new FakeProvider()
            .model("veo/veo-3.1", ModelKind.VIDEO, "veo-3.1-generate-preview", Map.of());
    final VeoProvider provider = new VeoProvider(fake.http("veo", "/v1beta/", Map.of("x-goog-api-key", FakeProvider.KEY)),
            fake.models(), new InputFiles(null));
    final ProviderRequest request = FakeProvider.request("veo/veo-3.1", "video", "a cat surfing",
            Map.of("durationSeconds", "6", "aspectRatio", "9:16", "resolution", "720p"));

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void aLongRunningOperationIsPolledUntilDoneAndTheVideoDownloadedWithTheKey() throws Exception {
        fake.server.enqueue(json(200, "{\"name\":\"" + OPERATION + "\"}"));
        fake.server.enqueue(json(200, "{\"name\":\"" + OPERATION + "\"}"));
        fake.server.enqueue(json(200, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"generatedSamples\":[{\"video\":{\"uri\":\"" + fake.base("/v1beta/files/xyz:download?alt=media")
                + "\"}}],\"raiMediaFilteredCount\":0,\"raiMediaFilteredReasons\":[]}}}"));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody("mp4"));

        assertThat(provider.submit(request)).isEqualTo(new Submission.Accepted(OPERATION, null));
        assertThat(provider.poll(request, OPERATION)).isEqualTo(new PollResult.Running(null, null));
        PollResult done = provider.poll(request, OPERATION);

        assertThat(((PollResult.Completed) done).outputs()).hasSize(1).first().isInstanceOf(ProviderOutput.LocalFile.class);
        RecordedRequest create = fake.server.takeRequest();
        assertThat(create.getPath()).isEqualTo("/v1beta/models/veo-3.1-generate-preview:predictLongRunning");
        assertThat(create.getHeader("x-goog-api-key")).isEqualTo(FakeProvider.KEY);
        assertThat(create.getBody().readUtf8()).contains("\"prompt\":\"a cat surfing\"", "\"durationSeconds\":6",
                "\"aspectRatio\":\"9:16\"");
        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/v1beta/" + OPERATION);
        fake.server.takeRequest();
        RecordedRequest download = fake.server.takeRequest();
        assertThat(download.getPath()).isEqualTo("/v1beta/files/xyz:download?alt=media");
        assertThat(download.getHeader("x-goog-api-key")).isEqualTo(FakeProvider.KEY);
    }

    @Test
    void filteredMediaWithNoVideoIsContentFilteredWithItsReason() {
        fake.server.enqueue(json(200, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"The prompt could not be submitted.\"]}}}"));

        ProviderFailure failure = ((PollResult.Failed) provider.poll(request, OPERATION)).failure();

        assertThat(failure.code()).isEqualTo("content_filtered");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message()).contains("The prompt could not be submitted.");
    }

    @Test
    void aFailedOperationAndHttpErrorsBecomeCodes() {
        fake.server.enqueue(json(200, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"error\":{\"code\":3,\"message\":\"bad duration\"}}"));
        fake.server.enqueue(json(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                .setHeader("Retry-After", "60"));

        assertThat(((PollResult.Failed) provider.poll(request, OPERATION)).failure())
                .extracting(ProviderFailure::code, ProviderFailure::retryable).containsExactly("invalid_parameters", false);
        assertThat(((Submission.Failed) provider.submit(request)).failure())
                .extracting(ProviderFailure::code, ProviderFailure::retryable).containsExactly("rate_limited", true);
    }

    @Test
    void anExpiredDownloadIsRetryable() {
        fake.server.enqueue(json(200, "{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"generatedSamples\":[{\"video\":{\"uri\":\"" + fake.base("/v1beta/files/old:download?alt=media") + "\"}}]}}}"));
        fake.server.enqueue(json(404, "{\"error\":{\"code\":404,\"message\":\"File not found\"}}"));

        assertThat(((PollResult.Failed) provider.poll(request, OPERATION)).failure())
                .extracting(ProviderFailure::code, ProviderFailure::retryable).containsExactly("output_expired", true);
    }

    @Test
    void aMalformedOperationIsABadResponse() {
        fake.server.enqueue(json(200, "not json"));

        assertThat(((PollResult.Failed) provider.poll(request, OPERATION)).failure().code()).isEqualTo("provider_bad_response");
    }

    @Test
    void cancelAsksTheOperationToStop() throws Exception {
        fake.server.enqueue(json(200, "{}"));

        provider.cancel(request, OPERATION);

        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/v1beta/" + OPERATION + ":cancel");
    }
}
