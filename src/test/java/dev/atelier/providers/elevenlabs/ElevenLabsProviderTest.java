package dev.atelier.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.catalog.ModelKind;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.Submission;
import dev.atelier.providers.http.FakeProvider;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElevenLabsProviderTest {

    final FakeProvider fake = new FakeProvider()
            .model("elevenlabs/multilingual-v2", ModelKind.SPEECH, "eleven_multilingual_v2", Map.of("output_format", "mp3_44100_128"))
            .model("elevenlabs/music", ModelKind.MUSIC, "music_v1", Map.of());
    final ElevenLabsProvider provider = new ElevenLabsProvider(
            fake.http("elevenlabs", "/", Map.of("xi-api-key", FakeProvider.KEY)), fake.models(), Clock.systemUTC());

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void speechIsReadInTheChosenVoice() throws Exception {
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg").setBody("ID3audio"));

        Submission result = provider.submit(FakeProvider.request("elevenlabs/multilingual-v2", "speech", "Hello there",
                Map.of("voice", "voice_42", "stability", 0.3)));

        var output = (ProviderOutput.LocalFile) ((Submission.Completed) result).outputs().get(0);
        assertThat(output.mediaType()).isEqualTo("audio/mpeg");
        assertThat(Files.readString(output.path())).isEqualTo("ID3audio");
        RecordedRequest call = fake.server.takeRequest();
        assertThat(call.getPath()).isEqualTo("/v1/text-to-speech/voice_42?output_format=mp3_44100_128");
        assertThat(call.getHeader("xi-api-key")).isEqualTo(FakeProvider.KEY);
        assertThat(call.getBody().readUtf8()).contains("\"text\":\"Hello there\"", "\"model_id\":\"eleven_multilingual_v2\"",
                "\"stability\":0.3");
    }

    @Test
    void musicAsksForTheLengthInMilliseconds() throws Exception {
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "audio/mpeg").setBody("ID3music"));

        Submission result = provider.submit(FakeProvider.request("elevenlabs/music", "music", "calm piano",
                Map.of("durationSeconds", 12L, "instrumental", true)));

        assertThat(result).isInstanceOf(Submission.Completed.class);
        RecordedRequest call = fake.server.takeRequest();
        assertThat(call.getPath()).isEqualTo("/v1/music?output_format=mp3_44100_128");
        assertThat(call.getBody().readUtf8()).contains("\"music_length_ms\":12000", "\"force_instrumental\":true");
    }

    @Test
    void validationQuotaAndOutagesBecomeCodes() {
        fake.server.enqueue(json(422, "{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"text too long\",\"type\":\"value_error\"}]}"));
        fake.server.enqueue(json(401, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota.\"}}"));
        fake.server.enqueue(json(500, "{\"detail\":\"internal\"}"));
        fake.server.enqueue(json(200, "{\"oops\":true}"));

        assertThat(failure()).extracting(ProviderFailure::code, ProviderFailure::message)
                .containsExactly("invalid_parameters", "elevenlabs refused the request: text too long");
        assertThat(failure()).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_quota_exhausted", false);
        assertThat(failure()).extracting(ProviderFailure::code, ProviderFailure::retryable)
                .containsExactly("provider_unavailable", true);
        assertThat(failure().code()).isEqualTo("provider_bad_response");
    }

    @Test
    void voicesAreListedAndCached() {
        fake.server.enqueue(json(200, "{\"voices\":[{\"voice_id\":\"b\",\"name\":\"Bella\",\"category\":\"premade\"},"
                + "{\"voice_id\":\"a\",\"name\":\"Adam\",\"category\":\"cloned\"}]}"));

        assertThat(provider.voices()).extracting(ElevenLabsProvider.Voice::name).containsExactly("Adam", "Bella");
        assertThat(provider.voices()).hasSize(2);
        assertThat(fake.server.getRequestCount()).isEqualTo(1);
    }

    ProviderFailure failure() {
        Submission result = provider.submit(FakeProvider.request("elevenlabs/multilingual-v2", "speech", "hi", Map.of()));
        assertThat(result).isInstanceOf(Submission.Failed.class);
        return ((Submission.Failed) result).failure();
    }
}
