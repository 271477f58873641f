package dev.atelier.providers.veo;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.RemoteProvider;
import dev.atelier.providers.http.Remotes;
import dev.atelier.providers.http.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Google Veo through the Gemini API: {@code predictLongRunning} starts an operation, which is
 * polled until {@code done}; the video is downloaded with the key. A finished operation whose
 * samples were all filtered ({@code raiMediaFilteredCount}) and that has no video is
 * {@code content_filtered} with Google's reasons.
 */
@Component
@ConditionalOnExpression("!'${atelier.providers.veo.api-key:}'.isBlank()")
class VeoProvider extends RemoteProvider {

    static final String DEFAULT_BASE = "https://generativelanguage.googleapis.com/v1beta/";

    private final InputFiles inputs;

    @Autowired
    VeoProvider(ProvidersProperties properties, Remotes remotes, Catalog catalog, InputFiles inputs) {
        this(remotes.http("veo", properties.veo(), DEFAULT_BASE, Map.of("x-goog-api-key", properties.veo().apiKey())),
                catalog::find, inputs);
    }

    VeoProvider(ProviderHttp http, Models catalog, InputFiles inputs) {
        super(http, catalog);
        this.inputs = inputs;
    }

    @Override
    protected Submission start(ProviderRequest request) throws IOException {
        Model model = model(request);
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("prompt", request.prompt());
        List<InputFiles.Input> given = inputs.of(request);
        if (!given.isEmpty()) {
            instance.put("image", Map.of("bytesBase64Encoded", given.get(0).base64(), "mimeType", given.get(0).mediaType()));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("aspectRatio", request.textParam("aspectRatio", "16:9"));
        parameters.put("resolution", request.textParam("resolution", "720p"));
        parameters.put("durationSeconds", Integer.parseInt(request.textParam("durationSeconds", "8")));
        parameters.put("sampleCount", 1);
        String negative = request.textParam("negativePrompt", null);
        if (negative != null && !negative.isBlank()) {
            parameters.put("negativePrompt", negative);
        }
        String body = JSON.writeValueAsString(Map.of("instances", List.of(instance), "parameters", parameters));
        return switch (http.send("predictLongRunning",
                http.json("models/" + model.providerModelOrName() + ":predictLongRunning", body), false)) {
            case Reply.Failed failed -> failed(failed);
            case Reply.File file -> malformed("a file instead of JSON");
            case Reply.Ok ok -> {
                String name = text(read(ok), "name");
                yield name == null ? malformed("an operation without name") : new Submission.Accepted(name, null);
            }
        };
    }

    @Override
    protected PollResult check(ProviderRequest request, String operation) {
        return switch (http.send("operations.get", http.request(operation).GET(), true)) {
            case Reply.Failed failed -> pollFailed(failed);
            case Reply.File file -> pollMalformed("a file instead of JSON");
            case Reply.Ok ok -> operation(read(ok));
        };
    }

    private PollResult operation(JsonNode operation) {
        if (!operation.path("done").asBoolean(false)) {
            JsonNode progress = operation.path("metadata").path("progressPercent");
            return new PollResult.Running(progress.isNumber() ? progress.asInt() : null, null);
        }
        if (operation.hasNonNull("error")) {
            return new PollResult.Failed(error(operation.path("error")));
        }
        JsonNode response = operation.path("response").path("generateVideoResponse");
        List<URI> urls = new ArrayList<>();
        List<ProviderOutput> inline = new ArrayList<>();
        for (JsonNode sample : response.path("generatedSamples")) {
            JsonNode video = sample.path("video");
            if (video.path("uri").isString()) {
                urls.add(URI.create(video.path("uri").asString()));
            } else if (video.path("encodedVideo").isString()) {
                try {
                    inline.add(file(http.inline(Base64.getDecoder().decode(video.path("encodedVideo").asString()),
                            video.path("encoding").asString("video/mp4"))));
                } catch (IOException | IllegalArgumentException e) {
                    discard(inline);
                    return pollMalformed("an inline video that could not be read");
                }
            }
        }
        if (urls.isEmpty() && inline.isEmpty()) {
            if (response.path("raiMediaFilteredCount").asInt(0) > 0) {
                List<String> reasons = new ArrayList<>();
                response.path("raiMediaFilteredReasons").forEach(reason -> reasons.add(reason.asString("")));
                return new PollResult.Failed(ProviderFailure.permanent("content_filtered",
                        "Google filtered the video: " + (reasons.isEmpty() ? "no reason given" : String.join("; ", reasons))));
            }
            return new PollResult.Completed(List.of());
        }
        Fetched fetched = fetchAll(urls);
        if (fetched.failure() != null) {
            discard(inline);
            return new PollResult.Failed(fetched.failure());
        }
        inline.addAll(fetched.outputs());
        return new PollResult.Completed(inline);
    }

    /** A {@code google.rpc.Status}: 3 invalid argument, 7 permission, 8 exhausted, 13/14 internal/unavailable. */
    private static ProviderFailure error(JsonNode status) {
        int code = status.path("code").asInt(2);
        String message = status.path("message").asString("the operation failed");
        String said = message.length() <= 300 ? message : message.substring(0, 300) + "…";
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("safety") || lower.contains("responsible ai") || lower.contains("filtered")) {
            return ProviderFailure.permanent("content_filtered", "Google refused the content: " + said);
        }
        return switch (code) {
            case 3, 9, 11 -> ProviderFailure.permanent("invalid_parameters", "Google refused the request: " + said);
            case 7, 16 -> ProviderFailure.permanent("provider_auth_failed", "Google refused Atelier's credentials");
            case 8 -> ProviderFailure.transientFailure("rate_limited", "Google's quota is exhausted for now: " + said, null);
            case 4, 10, 13, 14 -> ProviderFailure.transientFailure("provider_unavailable", "Google: " + said, null);
            default -> ProviderFailure.permanent("provider_failed", "Veo could not make the video: " + said);
        };
    }

    @Override
    public void cancel(ProviderRequest request, String operation) {
        if (operation != null) {
            http.send("operations.cancel", http.request(operation + ":cancel").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")), true);
        }
    }
}
