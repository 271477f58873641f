package dev.atelier.providers.elevenlabs;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.RemoteProvider;
import dev.atelier.providers.http.Remotes;
import dev.atelier.providers.http.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * ElevenLabs: text to speech ({@code /v1/text-to-speech/{voice}}) and music ({@code /v1/music}),
 * both answered with the audio at once; the account's voices are listed (cached a few minutes).
 */
@Component
@ConditionalOnExpression("!'${atelier.providers.elevenlabs.api-key:}'.isBlank()")
class ElevenLabsProvider extends RemoteProvider {

    static final String DEFAULT_BASE = "https://api.elevenlabs.io/";
    private static final Duration VOICES_KEPT = Duration.ofMinutes(5);

    private final Clock clock;
    private volatile List<Voice> voices;
    private volatile Instant voicesAt = Instant.EPOCH;

    record Voice(String id, String name, String category) {
    }

    @Autowired
    ElevenLabsProvider(ProvidersProperties properties, Remotes remotes, Catalog catalog, Clock clock) {
        this(remotes.http("elevenlabs", properties.elevenlabs(), DEFAULT_BASE,
                Map.of("xi-api-key", properties.elevenlabs().apiKey())), catalog::find, clock);
    }

    ElevenLabsProvider(ProviderHttp http, Models catalog, Clock clock) {
        super(http, catalog);
        this.clock = clock;
    }

    @Override
    protected Submission start(ProviderRequest request) {
        Model model = model(request);
        String format = model.option("output_format") == null ? "mp3_44100_128" : model.option("output_format");
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        if ("music".equals(request.kind())) {
            body.put("prompt", request.prompt());
            body.put("music_length_ms", request.intParam("durationSeconds", 30) * 1000);
            body.put("model_id", model.providerModelOrName());
            body.put("force_instrumental", request.flag("instrumental", false));
            path = "v1/music?output_format=" + format;
        } else {
            body.put("text", request.prompt());
            body.put("model_id", model.providerModelOrName());
            if (request.params().get("stability") instanceof Number stability) {
                body.put("voice_settings", Map.of("stability", stability));
            }
            path = "v1/text-to-speech/" + URLEncoder.encode(request.textParam("voice", "JBFqnCBsd6RMkjVDRZzb"),
                    StandardCharsets.UTF_8) + "?output_format=" + format;
        }
        return switch (http.download(request.kind(), http.json(path, JSON.writeValueAsString(body))
                .header("Accept", "audio/mpeg"), false)) {
            case Reply.File file -> new Submission.Completed(List.of(new ProviderOutput.LocalFile(file.path(),
                    file.mediaType().startsWith("audio/") ? file.mediaType() : "audio/mpeg")));
            case Reply.Failed failed -> failed(failed);
            case Reply.Ok ok -> malformed("no audio");
        };
    }

    @Override
    protected PollResult check(ProviderRequest request, String providerJobId) {
        return new PollResult.Failed(ProviderFailure.permanent("no_such_job", "ElevenLabs answers at once; nothing to poll"));
    }

    @Override
    public void cancel(ProviderRequest request, String providerJobId) {
        // synchronous: the engine interrupts the call
    }

    /** The account's voices, by name. */
    List<Voice> voices() {
        Instant now = clock.instant();
        if (voices != null && voicesAt.plus(VOICES_KEPT).isAfter(now)) {
            return voices;
        }
        if (!(http.send("voices", http.request("v1/voices").GET(), true) instanceof Reply.Ok ok)) {
            if (voices != null) {
                return voices;
            }
            throw new IllegalStateException("ElevenLabs did not list its voices");
        }
        List<Voice> found = new ArrayList<>();
        for (JsonNode voice : read(ok).path("voices")) {
            String id = text(voice, "voice_id");
            if (id != null) {
                found.add(new Voice(id, voice.path("name").asString(id), text(voice, "category")));
            }
        }
        found.sort(Comparator.comparing(Voice::id));
        voices = List.copyOf(found);
        voicesAt = now;
        return voices;
    }
}
