package dev.atelier.providers.comfyui;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.http.Multipart;
import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.RemoteProvider;
import dev.atelier.providers.http.Remotes;
import dev.atelier.providers.http.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A self-hosted ComfyUI: a model is a workflow template (API format) with placeholders
 * {@code "{{prompt}}"}, {@code "{{seed}}"}, {@code "{{width}}"}, {@code "{{height}}"} and
 * {@code "{{image}}"} (an input image, uploaded first). Submitted to {@code /prompt}, followed
 * through {@code /history/{id}}, outputs fetched from {@code /view}; cancel interrupts it and
 * takes it off the queue. Switched on by its base URL (it has no key).
 */
@Component
@ConditionalOnExpression("!'${atelier.providers.comfyui.base-url:}'.isBlank()")
class ComfyUiProvider extends RemoteProvider {

    private final InputFiles inputs;
    private final Path workflows;

    @Autowired
    ComfyUiProvider(ProvidersProperties properties, Remotes remotes, Catalog catalog, InputFiles inputs) {
        this(remotes.http("comfyui", properties.comfyui(), "http://127.0.0.1:8188/", Map.of()), catalog::find, inputs,
                properties.comfyui().workflows() == null || properties.comfyui().workflows().isBlank() ? null
                        : Path.of(properties.comfyui().workflows()));
    }

    ComfyUiProvider(ProviderHttp http, Models catalog, InputFiles inputs, Path workflows) {
        super(http, catalog);
        this.inputs = inputs;
        this.workflows = workflows;
    }

    @Override
    protected Submission start(ProviderRequest request) throws IOException {
        Model model = model(request);
        String template = template(model.providerModelOrName());
        if (template == null) {
            return new Submission.Failed(ProviderFailure.permanent("invalid_parameters",
                    "ComfyUI has no workflow template " + model.providerModelOrName()));
        }
        String image = "";
        List<InputFiles.Input> given = inputs.of(request);
        if (!given.isEmpty()) {
            Multipart form = new Multipart().file("image", "atelier-" + request.generationId() + ".png",
                    given.get(0).mediaType(), given.get(0).bytes()).field("overwrite", "true");
            switch (http.send("upload", http.request("upload/image").header("Content-Type", form.contentType())
                    .POST(form.publisher()), false)) {
                case Reply.Ok ok -> image = read(ok).path("name").asString("");
                case Reply.Failed failed -> {
                    return failed(failed);
                }
                case Reply.File file -> {
                    return malformed("a file instead of JSON");
                }
            }
        }
        String workflow = template
                .replace("\"{{prompt}}\"", JSON.writeValueAsString(request.prompt()))
                .replace("\"{{seed}}\"", String.valueOf(request.seed() & 0x7fffffffL))
                .replace("\"{{width}}\"", String.valueOf(request.intParam("width", 1024)))
                .replace("\"{{height}}\"", String.valueOf(request.intParam("height", 1024)))
                .replace("\"{{image}}\"", JSON.writeValueAsString(image));
        String body = "{\"prompt\":" + workflow + ",\"client_id\":\"" + request.generationId() + "\"}";
        return switch (http.send("prompt", http.json("prompt", body), false)) {
            case Reply.Failed failed -> failed(failed);
            case Reply.File file -> malformed("a file instead of JSON");
            case Reply.Ok ok -> {
                JsonNode answer = read(ok);
                String id = text(answer, "prompt_id");
                if (answer.path("node_errors").isObject() && !answer.path("node_errors").isEmpty()) {
                    yield new Submission.Failed(ProviderFailure.permanent("invalid_parameters",
                            "ComfyUI refused the workflow: " + answer.path("node_errors").toString()));
                }
                yield id == null ? malformed("no prompt_id") : new Submission.Accepted(id, null);
            }
        };
    }

    private String template(String name) throws IOException {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            return null;
        }
        if (workflows != null && Files.isRegularFile(workflows.resolve(name + ".json"))) {
            return Files.readString(workflows.resolve(name + ".json"));
        }
        try (InputStream bundled = getClass().getResourceAsStream("/comfyui/" + name + ".json")) {
            return bundled == null ? null : new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    protected PollResult check(ProviderRequest request, String promptId) {
        return switch (http.send("history", http.request("history/" + promptId).GET(), true)) {
            case Reply.Failed failed -> pollFailed(failed);
            case Reply.File file -> pollMalformed("a file instead of JSON");
            case Reply.Ok ok -> history(read(ok).path(promptId));
        };
    }

    private PollResult history(JsonNode entry) {
        if (entry.isMissingNode() || entry.isEmpty()) {
            return new PollResult.Running(null, null);
        }
        JsonNode status = entry.path("status");
        if ("error".equals(status.path("status_str").asString(""))) {
            String message = "the workflow failed";
            for (JsonNode event : status.path("messages")) {
                if ("execution_error".equals(event.path(0).asString(""))) {
                    message = event.path(1).path("exception_message").asString(message);
                }
            }
            return new PollResult.Failed(ProviderFailure.permanent("provider_failed", "ComfyUI: " + message.strip()));
        }
        if (!status.path("completed").asBoolean(true)) {
            return new PollResult.Running(null, null);
        }
        List<URI> urls = new ArrayList<>();
        for (JsonNode node : entry.path("outputs")) {
            for (String field : List.of("images", "gifs", "videos", "audio")) {
                for (JsonNode file : node.path(field)) {
                    if ("output".equals(file.path("type").asString("output")) && file.path("filename").isString()) {
                        urls.add(http.uri("view?filename=" + encode(file.path("filename").asString()) + "&subfolder="
                                + encode(file.path("subfolder").asString("")) + "&type=output"));
                    }
                }
            }
        }
        return fetchAll(urls).asPoll();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void cancel(ProviderRequest request, String promptId) {
        if (promptId == null) {
            return;
        }
        http.send("interrupt", http.json("interrupt", "{\"prompt_id\":\"" + promptId + "\"}"), true);
        http.send("queue.delete", http.request("queue").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"delete\":[\"" + promptId + "\"]}")), true);
    }
}
