package dev.atelier.providers.openai;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.http.Multipart;
import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.RemoteProvider;
import dev.atelier.providers.http.Remotes;
import dev.atelier.providers.http.Reply;
import dev.atelier.providers.webhooks.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI, or any server that speaks its API ({@code base-url}): images ({@code gpt-image-1}
 * returns base64, {@code dall-e-3} may return URLs; an input image makes it an edit), speech
 * (audio bytes) and Sora video (create, poll, download the content with the key). Webhooks
 * ({@code video.completed|failed}) follow Standard Webhooks and carry only the video id, so the
 * video is then polled as usual.
 */
@Component
@ConditionalOnExpression("!'${atelier.providers.openai.api-key:}'.isBlank()")
class OpenAiProvider extends RemoteProvider implements WebhookReceiver {

    static final String DEFAULT_BASE = "https://api.openai.com/v1/";

    private final InputFiles inputs;
    private final StandardWebhooks webhooks;

    @Autowired
    OpenAiProvider(ProvidersProperties properties, Remotes remotes, Catalog catalog, InputFiles inputs) {
        this(remotes.http("openai", properties.openai(), DEFAULT_BASE,
                Map.of("Authorization", "Bearer " + properties.openai().apiKey())), catalog::find, inputs,
                properties.openai().webhookSecret());
    }

    OpenAiProvider(ProviderHttp http, Models catalog, InputFiles inputs, String webhookSecret) {
        super(http, catalog);
        this.inputs = inputs;
        this.webhooks = webhookSecret == null || webhookSecret.isBlank() ? null : new StandardWebhooks(webhookSecret);
    }

    @Override
    protected Submission start(ProviderRequest request) throws IOException {
        Model model = model(request);
        return switch (request.kind()) {
            case "image" -> image(request, model);
            case "speech" -> speech(request, model);
            case "video" -> video(request, model);
            default -> new Submission.Failed(ProviderFailure.permanent("invalid_parameters",
                    "OpenAI makes no " + request.kind()));
        };
    }

    private Submission image(ProviderRequest request, Model model) throws IOException {
        String name = model.providerModelOrName();
        List<InputFiles.Input> given = inputs.of(request);
        Reply reply;
        if (given.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", name);
            body.put("prompt", request.prompt());
            body.put("n", 1);
            body.put("size", request.textParam("size", "1024x1024"));
            body.put("quality", request.textParam("quality", name.startsWith("dall-e") ? "standard" : "auto"));
            if (name.equals("dall-e-3")) {
                body.put("style", request.textParam("style", "vivid"));
            }
            reply = http.send("images", http.json("images/generations", JSON.writeValueAsString(body)), false);
        } else {
            Multipart form = new Multipart().field("model", name).field("prompt", request.prompt())
                    .field("n", 1).field("size", request.textParam("size", "1024x1024"))
                    .field("quality", request.textParam("quality", "auto"));
            for (InputFiles.Input input : given) {
                form.file(given.size() == 1 ? "image" : "image[]", input.name(), input.mediaType(), input.bytes());
            }
            reply = http.send("images", http.request("images/edits").header("Content-Type", form.contentType())
                    .POST(form.publisher()), false);
        }
        return switch (reply) {
            case Reply.Failed failed -> failed(failed);
            case Reply.Ok ok -> images(read(ok));
            case Reply.File file -> malformed("a file instead of JSON");
        };
    }

    private Submission images(JsonNode body) throws IOException {
        JsonNode data = body.path("data");
        if (!data.isArray() || data.isEmpty()) {
            return malformed("no data[]");
        }
        String type = "image/" + body.path("output_format").asString("png").replace("jpg", "jpeg");
        List<ProviderOutput> outputs = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        for (JsonNode item : data) {
            String b64 = text(item, "b64_json");
            String url = text(item, "url");
            if (b64 != null) {
                try {
                    outputs.add(file(http.inline(Base64.getDecoder().decode(b64), type)));
                } catch (IllegalArgumentException e) {
                    discard(outputs);
                    return malformed("an image that is not base64");
                }
            } else if (url != null) {
                urls.add(URI.create(url));
            } else {
                discard(outputs);
                return malformed("an image with neither b64_json nor url");
            }
        }
        Fetched fetched = fetchAll(urls);
        if (fetched.failure() != null) {
            discard(outputs);
            return new Submission.Failed(fetched.failure());
        }
        outputs.addAll(fetched.outputs());
        return new Submission.Completed(outputs);
    }

    private Submission speech(ProviderRequest request, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model.providerModelOrName());
        body.put("input", request.prompt());
        body.put("voice", request.textParam("voice", "alloy"));
        body.put("response_format", "mp3");
        if (request.params().get("speed") instanceof Number speed) {
            body.put("speed", speed);
        }
        String instructions = request.textParam("instructions", null);
        if (instructions != null && !instructions.isBlank()) {
            body.put("instructions", instructions);
        }
        return switch (http.download("speech", http.json("audio/speech", JSON.writeValueAsString(body))
                .header("Accept", "audio/mpeg"), false)) {
            case Reply.File file -> new Submission.Completed(List.of(new ProviderOutput.LocalFile(file.path(),
                    file.mediaType().equals("application/octet-stream") ? "audio/mpeg" : file.mediaType())));
            case Reply.Failed failed -> failed(failed);
            case Reply.Ok ok -> malformed("no audio");
        };
    }

    private Submission video(ProviderRequest request, Model model) throws IOException {
        Multipart form = new Multipart().field("model", model.providerModelOrName()).field("prompt", request.prompt())
                .field("seconds", request.textParam("durationSeconds", "4"))
                .field("size", request.textParam("size", "1280x720"));
        for (InputFiles.Input input : inputs.of(request)) {
            form.file("input_reference", input.name(), input.mediaType(), input.bytes());
        }
        return switch (http.send("videos.create", http.request("videos").header("Content-Type", form.contentType())
                .POST(form.publisher()), false)) {
            case Reply.Failed failed -> failed(failed);
            case Reply.File file -> malformed("a file instead of JSON");
            case Reply.Ok ok -> {
                String id = text(read(ok), "id");
                yield id == null ? malformed("no video id") : new Submission.Accepted(id, pollAfter(ok));
            }
        };
    }

    @Override
    protected PollResult check(ProviderRequest request, String videoId) {
        return switch (http.send("videos.get", http.request("videos/" + videoId).GET(), true)) {
            case Reply.Failed failed -> pollFailed(failed);
            case Reply.File file -> pollMalformed("a file instead of JSON");
            case Reply.Ok ok -> video(videoId, read(ok), pollAfter(ok));
        };
    }

    private PollResult video(String videoId, JsonNode video, Duration pollAfter) {
        String status = text(video, "status");
        if (status == null) {
            return pollMalformed("a video without status");
        }
        return switch (status) {
            case "queued", "in_progress" -> new PollResult.Running(
                    video.path("progress").isNumber() ? video.path("progress").asInt() : null, pollAfter);
            case "completed" -> switch (http.download("videos.content",
                    http.request("videos/" + videoId + "/content?variant=video").header("Accept", "application/binary")
                            .GET(), true)) {
                case Reply.File file -> new PollResult.Completed(List.of(new ProviderOutput.LocalFile(file.path(),
                        file.mediaType().startsWith("video/") ? file.mediaType() : "video/mp4")));
                case Reply.Failed failed -> failed.failure().code().equals("provider_not_found")
                        ? new PollResult.Failed(ProviderFailure.transientFailure("output_expired",
                                "OpenAI no longer serves the video", null))
                        : pollFailed(failed);
                case Reply.Ok ok -> pollMalformed("no video content");
            };
            case "failed" -> new PollResult.Failed(failure(video.path("error")));
            default -> pollMalformed("status " + status);
        };
    }

    private static ProviderFailure failure(JsonNode error) {
        String code = error.path("code").asString("");
        String message = error.path("message").asString("the video failed");
        if (code.contains("moderation") || code.contains("content_policy") || code.contains("safety")) {
            return ProviderFailure.permanent("content_filtered", "OpenAI refused the content: " + message);
        }
        return ProviderFailure.permanent("provider_failed", "OpenAI could not make the video: " + message);
    }

    private static Duration pollAfter(Reply.Ok ok) {
        return ok.headers().firstValue("openai-poll-after-ms").map(value -> {
            try {
                return Duration.ofMillis(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    @Override
    public void cancel(ProviderRequest request, String videoId) {
        if (videoId != null) {
            http.send("videos.delete", http.request("videos/" + videoId).DELETE(), true);
        }
    }

    @Override
    public boolean webhooksConfigured() {
        return webhooks != null;
    }

    @Override
    public Verified verify(HttpHeaders headers, byte[] body, Instant now) {
        return WebhookReceiver.standardWebhook(webhooks, headers, body, now, JSON, (messageId, event) -> {
            String type = event.path("type").asString("");
            String videoId = event.path("data").path("id").asString(null);
            if (!type.startsWith("video.") || videoId == null) {
                return new Verified.Ignored("event " + type);
            }
            return new Verified.Notice(messageId, videoId, request -> poll(request, videoId));
        });
    }
}
