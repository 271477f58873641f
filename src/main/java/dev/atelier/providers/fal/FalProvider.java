package dev.atelier.providers.fal;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.http.ProviderErrors;
import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.RemoteProvider;
import dev.atelier.providers.http.Remotes;
import dev.atelier.providers.http.Reply;
import dev.atelier.providers.webhooks.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * fal.ai's queue: submit, status (queue position, logs), result, cancel. Webhooks are signed
 * with Ed25519 over {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))}, verified
 * against fal's published keys (fetched and cached).
 */
@Component
@ConditionalOnExpression("!'${atelier.providers.fal.api-key:}'.isBlank()")
class FalProvider extends RemoteProvider implements WebhookReceiver {

    static final String DEFAULT_BASE = "https://queue.fal.run/";
    static final String DEFAULT_KEYS = "https://rest.alpha.fal.ai/.well-known/jwks.json";
    private static final long TOLERANCE_SECONDS = 300;
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    private final InputFiles inputs;
    private final FalKeys keys;
    private final URI webhookUrl;

    @Autowired
    FalProvider(ProvidersProperties properties, Remotes remotes, Catalog catalog, InputFiles inputs, Clock clock) {
        this(remotes.http("fal", properties.fal(), DEFAULT_BASE, Map.of("Authorization", "Key " + properties.fal().apiKey())),
                catalog::find, inputs, properties.fal().keysUrl() == null ? URI.create(DEFAULT_KEYS) : properties.fal().keysUrl(),
                properties.publicUrl() == null ? null : URI.create(properties.publicUrl().toString().replaceAll("/+$", "")
                        + "/api/v1/webhooks/providers/fal"), clock);
    }

    FalProvider(ProviderHttp http, Models catalog, InputFiles inputs, URI keysUrl, URI webhookUrl, Clock clock) {
        super(http, catalog);
        this.inputs = inputs;
        this.keys = new FalKeys(http, keysUrl, clock);
        this.webhookUrl = webhookUrl;
    }

    @Override
    protected Submission start(ProviderRequest request) throws IOException {
        Model model = model(request);
        Map<String, Object> input = new LinkedHashMap<>(model.providerOptions());
        input.put("prompt", request.prompt());
        request.params().forEach((name, value) -> input.put(snake(name), value));
        List<InputFiles.Input> given = inputs.of(request);
        if (!given.isEmpty()) {
            input.put("image_url", given.get(0).dataUri());
        }
        String path = model.providerModelOrName() + (webhookUrl == null ? ""
                : "?fal_webhook=" + URLEncoder.encode(webhookUrl.toString(), StandardCharsets.UTF_8));
        return switch (http.send("queue.submit", http.json(path, JSON.writeValueAsString(input)), false)) {
            case Reply.Failed failed -> failed(failed);
            case Reply.File file -> malformed("a file instead of JSON");
            case Reply.Ok ok -> {
                String id = text(read(ok), "request_id");
                yield id == null ? malformed("no request_id") : new Submission.Accepted(id, null);
            }
        };
    }

    /** Status, result and cancel use the app id: the model id without its subpath. */
    static String app(String modelId) {
        String[] parts = modelId.split("/");
        return parts.length <= 2 ? modelId : parts[0] + "/" + parts[1];
    }

    private String requestPath(ProviderRequest request, String requestId) {
        return app(model(request).providerModelOrName()) + "/requests/" + requestId;
    }

    @Override
    protected PollResult check(ProviderRequest request, String requestId) {
        return switch (http.send("queue.status", http.request(requestPath(request, requestId) + "/status?logs=1").GET(),
                true)) {
            case Reply.Failed failed -> pollFailed(failed);
            case Reply.File file -> pollMalformed("a file instead of JSON");
            case Reply.Ok ok -> status(request, requestId, read(ok));
        };
    }

    private PollResult status(ProviderRequest request, String requestId, JsonNode status) {
        String state = text(status, "status");
        if (state == null) {
            return pollMalformed("a status without status");
        }
        return switch (state) {
            case "IN_QUEUE" -> new PollResult.Running(0, null);
            case "IN_PROGRESS" -> new PollResult.Running(progress(status.path("logs")), null);
            case "COMPLETED" -> {
                if (status.hasNonNull("error")) {
                    yield new PollResult.Failed(failure(status.path("error").asString("the request failed"), null));
                }
                yield switch (http.send("queue.result", http.request(requestPath(request, requestId)).GET(), true)) {
                    case Reply.Failed failed -> pollFailed(failed);
                    case Reply.File file -> pollMalformed("a file instead of JSON");
                    case Reply.Ok ok -> outputs(read(ok));
                };
            }
            default -> pollMalformed("status " + state);
        };
    }

    /** The model's output: {@code images[].url}, {@code video.url}, {@code audio.url} or {@code audio_file.url}. */
    private PollResult outputs(JsonNode result) {
        List<URI> urls = new ArrayList<>();
        result.path("images").forEach(image -> {
            if (image.path("url").isString()) {
                urls.add(URI.create(image.path("url").asString()));
            }
        });
        for (String single : List.of("image", "video", "audio", "audio_file")) {
            if (result.path(single).path("url").isString()) {
                urls.add(URI.create(result.path(single).path("url").asString()));
            }
        }
        if (result.path("has_nsfw_concepts").isArray() && !result.path("has_nsfw_concepts").isEmpty()
                && result.path("has_nsfw_concepts").get(0).asBoolean(false) && urls.size() <= 1) {
            return new PollResult.Failed(ProviderFailure.permanent("content_filtered",
                    "fal's safety checker flagged the output"));
        }
        return fetchAll(urls).asPoll();
    }

    private static ProviderFailure failure(String error, JsonNode payload) {
        String lower = (error + " " + (payload == null ? "" : payload.toString())).toLowerCase(Locale.ROOT);
        if (lower.contains("nsfw") || lower.contains("content_policy") || lower.contains("safety")) {
            return ProviderFailure.permanent("content_filtered", "fal refused the content");
        }
        if (lower.contains("422") || lower.contains("validation")) {
            return ProviderFailure.permanent("invalid_parameters", "fal refused the request: " + shorten(error));
        }
        return ProviderFailure.permanent("provider_failed", "The model failed at fal: " + shorten(error));
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static Integer progress(JsonNode logs) {
        Integer last = null;
        for (JsonNode log : logs) {
            Matcher matcher = PERCENT.matcher(log.path("message").asString(""));
            while (matcher.find()) {
                int value = Integer.parseInt(matcher.group(1));
                if (value <= 100) {
                    last = value;
                }
            }
        }
        return last;
    }

    @Override
    public void cancel(ProviderRequest request, String requestId) {
        if (requestId != null) {
            http.send("queue.cancel", http.request(requestPath(request, requestId) + "/cancel")
                    .PUT(HttpRequest.BodyPublishers.noBody()), true);
        }
    }

    @Override
    public boolean webhooksConfigured() {
        return keys.available();
    }

    @Override
    public Verified verify(HttpHeaders headers, byte[] body, Instant now) {
        String requestId = headers.getFirst("X-Fal-Webhook-Request-Id");
        String userId = headers.getFirst("X-Fal-Webhook-User-Id");
        String timestamp = headers.getFirst("X-Fal-Webhook-Timestamp");
        String signature = headers.getFirst("X-Fal-Webhook-Signature");
        if (requestId == null || userId == null || timestamp == null || signature == null) {
            return new Verified.Refused("invalid_signature", "The webhook is not signed");
        }
        try {
            if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp.strip())) > TOLERANCE_SECONDS) {
                return new Verified.Refused("invalid_signature", "The webhook's timestamp is too old or too new");
            }
            byte[] message = (requestId + "\n" + userId + "\n" + timestamp + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                    .getBytes(StandardCharsets.UTF_8);
            if (!keys.verify(message, HexFormat.of().parseHex(signature.strip()))) {
                return new Verified.Refused("invalid_signature", "The webhook signature did not verify");
            }
        } catch (NumberFormatException e) {
            return new Verified.Refused("invalid_signature", "The webhook's timestamp or signature is malformed");
        } catch (IllegalArgumentException e) {
            return new Verified.Refused("invalid_signature", "The webhook's signature is not hex");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (RuntimeException e) {
            return new Verified.Ignored("not JSON");
        }
        String status = event.path("status").asString("");
        String id = event.path("request_id").asString(requestId);
        return new Verified.Notice(id + ":" + status, id, request -> "OK".equals(status)
                ? (event.path("payload").isObject() ? outputs(event.path("payload"))
                        : new PollResult.Failed(ProviderErrors.malformed("fal", "a result that could not be sent")))
                : new PollResult.Failed(failure(event.path("error").asString("the request failed"), event.path("payload"))));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
