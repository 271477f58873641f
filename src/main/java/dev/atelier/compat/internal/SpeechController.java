package dev.atelier.compat.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.compat.CompatProperties;
import dev.atelier.generation.GenerationJob;
import dev.atelier.generation.GenerationJobs;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/audio/speech}: the text is read by the mapped speech model as a generation (priced
 * per character, in the history), and the recording comes back as bytes in the asked format.
 */
@Hidden // described by OpenAI's API reference (docs/openai-compatible.md)
@RestController
@RequiresScope(Scope.GENERATE)
class SpeechController {

    private static final String DEFAULT_MODEL = "tts-1";
    private final ModelNames models;
    private final GenerationJobs jobs;
    private final JobWaiter waiter;
    private final Assets assets;
    private final CompatProperties properties;

    SpeechController(ModelNames models, GenerationJobs jobs, JobWaiter waiter, Assets assets,
            CompatProperties properties) {
        this.models = models;
        this.jobs = jobs;
        this.waiter = waiter;
        this.assets = assets;
        this.properties = properties;
    }

    /** OpenAI's fields; {@code instructions}, {@code stream_format} and unknown ones are accepted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpeechRequest(String model, String input, Object voice,
            @JsonProperty("response_format") String responseFormat, Double speed) {
    }

    @PostMapping(path = "/v1/audio/speech", consumes = MediaType.APPLICATION_JSON_VALUE)
    void speak(@AuthenticationPrincipal CurrentUser user, @RequestBody SpeechRequest body, HttpServletResponse response)
            throws IOException, InterruptedException {
        if (body.input() == null || body.input().isBlank()) {
            throw ImageRequests.invalid("input", "input is required: the text to read");
        }
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        SpeechFormats.Format format = SpeechFormats.of(body.responseFormat(), ffmpeg);
        double speed = SpeechFormats.speed(body.speed());
        Model model = models.resolve(body.model(), ModelKind.SPEECH, DEFAULT_MODEL);
        GenerationJob job = jobs.submit(user, model.id(), body.input(), voice(model, body.voice()), List.of());
        GenerationJob ended = waiter.awaitAll(user, List.of(job.id()), properties.speechWait()).getFirst();
        JobOutcomes.requireSucceeded(List.of(ended));
        Asset recording = assets.find(ended.outputs().getFirst()).orElseThrow();
        Path folder = Files.createTempDirectory("atelier-speech");
        try {
            Path source = folder.resolve("source");
            try (InputStream in = assets.open(recording)) {
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path target = folder.resolve("speech." + format.name());
            SpeechFormats.convert(ffmpeg, source, format, speed, target);
            response.setStatus(200);
            response.setContentType(format.contentType());
            response.setContentLengthLong(Files.size(target));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(target, out);
            }
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /**
     * OpenAI's voice names (or {@code {"id": …}}) mean a voice of the model when it has one by that
     * name; otherwise the model reads with its own default voice (the offline model has one).
     */
    private static Map<String, Object> voice(Model model, Object voice) {
        String name = voice instanceof String text ? text : voice instanceof Map<?, ?> map && map.get("id") != null
                ? String.valueOf(map.get("id")) : null;
        if (name == null) {
            return Map.of();
        }
        return model.parameters().stream()
                .filter(p -> p.name().equals("voice") && p.values() != null && p.values().contains(name))
                .findFirst().<Map<String, Object>>map(p -> Map.of("voice", name)).orElse(Map.of());
    }

}
