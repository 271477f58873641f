package dev.atelier.providers.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.catalog.ModelKind;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.http.FakeProvider;
import dev.atelier.providers.http.InputFiles;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComfyUiProviderTest {

    final FakeProvider fake = new FakeProvider().model("comfyui/txt2img", ModelKind.IMAGE, "txt2img", Map.of());
    final ComfyUiProvider provider = new ComfyUiProvider(fake.http("comfyui", "/", Map.of()), fake.models(),
            new InputFiles(null), null);
    final ProviderRequest request = FakeProvider.request("comfyui/txt2img", "image", "a \"quoted\" lighthouse",
            Map.of("width", 768L, "height", 512L, "seed", 42L));

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void theTemplateIsFilledSubmittedFollowedThroughHistoryAndItsImageFetched() throws Exception {
        fake.server.enqueue(json(200, "{\"prompt_id\":\"pid-1\",\"number\":1,\"node_errors\":{}}"));
        fake.server.enqueue(json(200, "{}"));
        fake.server.enqueue(json(200, "{\"pid-1\":{\"prompt\":[1,\"pid-1\",{},{},[\"9\"]],\"outputs\":{\"9\":{\"images\":"
                + "[{\"filename\":\"atelier_00001_.png\",\"subfolder\":\"\",\"type\":\"output\"}]}},"
                + "\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":[]}}}"));
        fake.server.enqueue(new MockResponse().setHeader("Content-Type", "image/png").setBody("png"));

        assertThat(provider.submit(request)).isEqualTo(new Submission.Accepted("pid-1", null));
        assertThat(provider.poll(request, "pid-1")).isEqualTo(new PollResult.Running(null, null));
        assertThat(provider.poll(request, "pid-1")).isInstanceOf(PollResult.Completed.class);

        String submitted = fake.server.takeRequest().getBody().readUtf8();
        assertThat(submitted).contains("\"text\": \"a \\\"quoted\\\" lighthouse\"", "\"seed\": 42", "\"width\": 768",
                "\"height\": 512", "\"client_id\":\"" + request.generationId() + "\"");
        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/history/pid-1");
        fake.server.takeRequest();
        assertThat(fake.server.takeRequest().getPath()).isEqualTo("/view?filename=atelier_00001_.png&subfolder=&type=output");
    }

    @Test
    void aFailedWorkflowAndARefusedOneAreReported() {
        fake.server.enqueue(json(200, "{\"pid-1\":{\"outputs\":{},\"status\":{\"status_str\":\"error\",\"completed\":false,"
                + "\"messages\":[[\"execution_error\",{\"prompt_id\":\"pid-1\",\"exception_message\":\"CUDA out of memory\"}]]}}}"));
        fake.server.enqueue(json(400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs failed validation\"},\"node_errors\":{}}"));

        ProviderFailure failed = ((PollResult.Failed) provider.poll(request, "pid-1")).failure();
        ProviderFailure refused = ((Submission.Failed) provider.submit(request)).failure();

        assertThat(failed).extracting(ProviderFailure::code, ProviderFailure::message)
                .containsExactly("provider_failed", "ComfyUI: CUDA out of memory");
        assertThat(refused.code()).isEqualTo("invalid_parameters");
    }

    @Test
    void anUnreachableServerIsRetryable() throws Exception {
        fake.server.shutdown();

        assertThat(((PollResult.Failed) provider.poll(request, "pid-1")).failure())
                .extracting(ProviderFailure::code, ProviderFailure::retryable).containsExactly("provider_unreachable", true);
    }

    @Test
    void cancelInterruptsAndDeletesFromTheQueue() throws Exception {
        fake.server.enqueue(new MockResponse());
        fake.server.enqueue(new MockResponse());

        provider.cancel(request, "pid-1");

        RecordedRequest interrupt = fake.server.takeRequest();
        RecordedRequest delete = fake.server.takeRequest();
        assertThat(interrupt.getPath()).isEqualTo("/interrupt");
        assertThat(delete.getPath()).isEqualTo("/queue");
        assertThat(delete.getBody().readUtf8()).isEqualTo("{\"delete\":[\"pid-1\"]}");
    }
}
