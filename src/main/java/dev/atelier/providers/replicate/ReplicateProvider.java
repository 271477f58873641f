package dev.atelier.providers.replicate;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.http.InputFiles;
import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.RemoteProvider;
import dev.atelier.providers.http.Remotes;
import dev.atelier.providers.http.Reply;
import dev.atelier.providers.webhooks.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Replicate: any model by {@code owner/name} (official models endpoint) or {@code owner/name:version}.
 * Creates with {@code Prefer: wait} so quick models answer at once, else the prediction is
 * polled; progress comes from the percentages in its logs. Cancel, and Standard Webhooks
 * ({@code webhook-id}…) carrying the prediction itself.
 */
@Component
@ConditionalOnExpression("!'${atelier.providers.replicate.api-key:}'.isBlank()")
class ReplicateProvider extends RemoteProvider implements WebhookReceiver {

    static final String DEFAULT_BASE = "https://api.replicate.com/v1/";
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    private final InputFiles inputs;
    private final StandardWebhooks webhooks;
    private final URI webhookUrl;
    private final int waitSeconds;

    @Autowired
    ReplicateProvider(ProvidersProperties properties, Remotes remotes, Catalog catalog, InputFiles inputs) {
        this(remotes.http("replicate", properties.replicate(), DEFAULT_BASE,
                Map.of("Authorization", "Bearer " + properties.replicate().apiKey())), catalog::find, inputs,
                properties.replicate().webhookSecret(), webhookUrl(properties), 30);
    }

    ReplicateProvider(ProviderHttp http, Models catalog, InputFiles inputs, String webhookSecret, URI webhookUrl,
            int waitSeconds) {
        super(http, catalog);
        this.inputs = inputs;
        this.webhooks = webhookSecret == null || webhookSecret.isBlank() ? null : new StandardWebhooks(webhookSecret);
        this.webhookUrl = webhooks == null ? null : webhookUrl;
        this.waitSeconds = waitSeconds;
    }

    static URI webhookUrl(ProvidersProperties properties) {
        return properties.publicUrl() == null ? null
                : URI.create(properties.publicUrl().toString().replaceAll("/+$", "") + "/api/v1/webhooks/providers/replicate");
    }

    @Override
    protected Submission start(ProviderRequest request) throws IOException {
        Model model = model(request);
        String target = model.providerModelOrName();
        Map<String, Object> input = new LinkedHashMap<>(model.providerOptions());
        input.put("prompt", request.prompt());
        request.params().forEach((name, value) -> input.put(snake(name), value));
        List<InputFiles.Input> given = inputs.of(request);
        if (!given.isEmpty()) {
            input.put("input_image", given.get(0).dataUri());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        int colon = target.indexOf(':');
        if (colon > 0) {
            body.put("version", target.substring(colon + 1));
            path = "predictions";
        } else {
            path = "models/" + target + "/predictions";
        }
        body.put("input", input);
        if (webhookUrl != null) {
            body.put("webhook", webhookUrl.toString());
            body.put("webhook_events_filter", List.of("start", "output", "logs", "completed"));
        }
        return switch (http.send("predictions.create", http.json(path, JSON.writeValueAsString(body))
                .header("Prefer", "wait=" + waitSeconds), false)) {
            case Reply.Failed failed -> failed(failed);
            case Reply.File file -> malformed("a file instead of JSON");
            case Reply.Ok ok -> {
                JsonNode prediction = read(ok);
                String id = text(prediction, "id");
                if (id == null) {
                    yield malformed("a prediction without id");
                }
                yield switch (outcome(prediction)) {
                    case PollResult.Completed done -> new Submission.Completed(done.outputs());
                    case PollResult.Failed failed -> new Submission.Failed(failed.failure());
                    case PollResult.Running running -> new Submission.Accepted(id, null);
                };
            }
        };
    }

    @Override
    protected PollResult check(ProviderRequest request, String predictionId) {
        return switch (http.send("predictions.get", http.request("predictions/" + predictionId).GET(), true)) {
            case Reply.Failed failed -> pollFailed(failed);
            case Reply.File file -> pollMalformed("a file instead of JSON");
            case Reply.Ok ok -> outcome(read(ok));
        };
    }

    /** A prediction object (from create, get or a webhook) as a result; outputs are fetched. */
    PollResult outcome(JsonNode prediction) {
        String status = text(prediction, "status");
        if (status == null) {
            return pollMalformed("a prediction without status");
        }
        return switch (status) {
            case "starting", "processing" -> new PollResult.Running(progress(text(prediction, "logs")), null);
            case "succeeded" -> {
                List<URI> urls = new ArrayList<>();
                JsonNode output = prediction.path("output");
                if (output.isString()) {
                    urls.add(URI.create(output.asString()));
                } else if (output.isArray()) {
                    output.forEach(item -> {
                        if (item.isString()) {
                            urls.add(URI.create(item.asString()));
                        }
                    });
                }
                if (urls.isEmpty()) {
                    yield prediction.path("data_removed").asBoolean(false)
                            ? new PollResult.Failed(ProviderFailure.permanent("output_expired",
                                    "Replicate has removed the output"))
                            : new PollResult.Completed(List.of());
                }
                yield fetchAll(urls).asPoll();
            }
            case "failed" -> new PollResult.Failed(failure(prediction.path("error").asString("the prediction failed")));
            case "canceled", "aborted" -> new PollResult.Failed(ProviderFailure.permanent("provider_canceled",
                    "The prediction was canceled at Replicate"));
            default -> pollMalformed("status " + status);
        };
    }

    private static ProviderFailure failure(String error) {
        String lower = error.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nsfw") || lower.contains("sensitive") || lower.contains("safety")) {
            return ProviderFailure.permanent("content_filtered", "Replicate refused the content: " + shorten(error));
        }
        return ProviderFailure.permanent("provider_failed", "The model failed at Replicate: " + shorten(error));
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The last percentage in the logs (progress bars print them). */
    static Integer progress(String logs) {
        if (logs == null) {
            return null;
        }
        Integer last = null;
        Matcher matcher = PERCENT.matcher(logs);
        while (matcher.find()) {
            int value = Integer.parseInt(matcher.group(1));
            if (value <= 100) {
                last = value;
            }
        }
        return last;
    }

    @Override
    public void cancel(ProviderRequest request, String predictionId) {
        if (predictionId != null) {
            http.send("predictions.cancel", http.request("predictions/" + predictionId + "/cancel")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), true);
        }
    }

    @Override
    public boolean webhooksConfigured() {
        return webhooks != null;
    }

    @Override
    public Verified verify(HttpHeaders headers, byte[] body, Instant now) {
        return WebhookReceiver.standardWebhook(webhooks, headers, body, now, JSON, (messageId, prediction) -> {
            String id = text(prediction, "id");
            if (id == null) {
                return new Verified.Ignored("no prediction id");
            }
            return new Verified.Notice(messageId, id, request -> outcome(prediction)); // webhook-id is kept on retries
        });
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
