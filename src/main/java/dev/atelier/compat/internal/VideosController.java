package dev.atelier.compat.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.catalog.Parameter;
import dev.atelier.generation.GenerationJob;
import dev.atelier.generation.GenerationJobs;
import dev.atelier.generation.GenerationStatus;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's video endpoints over Atelier's video models: create answers at once with the video
 * object (the generation's id is the video's id), and the client polls it and fetches the content.
 */
@Hidden // described by OpenAI's API reference (docs/openai-compatible.md)
@RestController
@RequiresScope(Scope.GENERATE)
class VideosController {

    private static final String DEFAULT_MODEL = "sora-2";
    private static final Set<String> SECONDS = Set.of("4", "8", "12");
    private final ModelNames models;
    private final GenerationJobs jobs;
    private final FormUpload forms;
    private final Assets assets;

    VideosController(ModelNames models, GenerationJobs jobs, FormUpload forms, Assets assets) {
        this.models = models;
        this.jobs = jobs;
        this.forms = forms;
        this.assets = assets;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VideoRequest(String prompt, String model, Object seconds, String size,
            @JsonProperty("input_reference") Object inputReference) {
    }

    @PostMapping(path = "/v1/videos", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    VideoObject create(@AuthenticationPrincipal CurrentUser user, @RequestBody VideoRequest body) {
        if (body.inputReference() != null) {
            throw ImageRequests.invalid("input_reference",
                    "input_reference by URL or file id is not offered; send the image as a multipart file");
        }
        return create(user, body, List.of());
    }

    @PostMapping(path = "/v1/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    VideoObject createFromForm(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        FormUpload.Form form = forms.read(user, request, Set.of("input_reference"));
        VideoRequest body = new VideoRequest(form.field("prompt"), form.field("model"), form.field("seconds"),
                form.field("size"), null);
        return create(user, body, form.files().stream().map(Asset::id).toList());
    }

    @GetMapping(path = "/v1/videos/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    VideoObject get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return view(video(user, id));
    }

    @GetMapping(path = "/v1/videos/{id}/content")
    void content(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            @RequestParam(defaultValue = "video") String variant, HttpServletResponse response) throws IOException {
        GenerationJob job = video(user, id);
        if (job.status() != GenerationStatus.SUCCEEDED || job.outputs().isEmpty()) {
            throw ApiException.conflict("video_not_ready", "The video is " + status(job.status()) + ", not completed");
        }
        Asset video = assets.find(job.outputs().getFirst()).orElseThrow(() -> ApiException.notFound("Video"));
        switch (variant) {
            case "video" -> {
                response.setStatus(200);
                response.setContentType(video.mediaType());
                response.setContentLengthLong(video.bytes());
                try (InputStream in = assets.open(video); OutputStream out = response.getOutputStream()) {
                    in.transferTo(out);
                }
            }
            case "thumbnail" -> {
                String url = assets.thumbnailUrl(video).map(Object::toString)
                        .orElseThrow(() -> ApiException.notFound("Thumbnail"));
                response.setStatus(HttpStatus.FOUND.value());
                response.setHeader("Location", url);
            }
            default -> throw ImageRequests.invalid("variant", "variant must be video or thumbnail");
        }
    }

    private VideoObject create(CurrentUser user, VideoRequest body, List<UUID> inputs) {
        String prompt = ImageRequests.prompt(body.prompt());
        Model model = models.resolve(body.model(), ModelKind.VIDEO, DEFAULT_MODEL);
        Map<String, Object> params = new LinkedHashMap<>();
        String seconds = body.seconds() == null ? "4" : String.valueOf(body.seconds()).strip();
        if (!SECONDS.contains(seconds)) {
            throw ImageRequests.invalid("seconds", "seconds must be \"4\", \"8\" or \"12\"");
        }
        if (takes(model, Catalog.DURATION)) {
            params.put(Catalog.DURATION, Integer.parseInt(seconds));
        }
        if (body.size() != null && !body.size().isBlank()) {
            resolution(model, body.size()).ifPresent(value -> params.put("resolution", value));
        }
        GenerationJob job = jobs.submit(user, model.id(), prompt, params, inputs);
        return view(job).withSize(body.size() == null ? "720x1280" : body.size());
    }

    /** A model that offers frame sizes by name (360p, 720p) gets the one nearest the asked size's short side. */
    private static java.util.Optional<String> resolution(Model model, String size) {
        String[] parts = size.split("x");
        if (parts.length != 2 || !parts[0].matches("\\d{2,5}") || !parts[1].matches("\\d{2,5}")) {
            throw ImageRequests.invalid("size", "size must be WIDTHxHEIGHT, e.g. 1280x720");
        }
        int shortSide = Math.min(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        return model.parameters().stream()
                .filter(p -> p.name().equals("resolution") && p.values() != null)
                .flatMap(p -> p.values().stream())
                .min(java.util.Comparator.comparingInt(value -> Math.abs(lines(value) - shortSide)));
    }

    private static int lines(String resolution) {
        String digits = resolution.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private GenerationJob video(CurrentUser user, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.startsWith("video_") ? id.substring("video_".length()) : id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Video");
        }
        GenerationJob job = jobs.get(user, uuid);
        if (!"video".equals(job.kind())) {
            throw ApiException.notFound("Video");
        }
        return job;
    }

    /** OpenAI's video object; nullable fields are sent as null, as OpenAI does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record VideoObject(String id, String object, String model, String status, int progress,
            @JsonProperty("created_at") long createdAt, @JsonProperty("completed_at") Long completedAt,
            @JsonProperty("expires_at") Long expiresAt, String prompt, String seconds, String size,
            @JsonProperty("remixed_from_video_id") String remixedFromVideoId, Map<String, Object> error) {

        VideoObject withSize(String value) {
            return new VideoObject(id, object, model, status, progress, createdAt, completedAt, expiresAt, prompt,
                    seconds, value, remixedFromVideoId, error);
        }
    }

    private static VideoObject view(GenerationJob job) {
        boolean succeeded = job.status() == GenerationStatus.SUCCEEDED;
        Object duration = job.params() == null ? null : job.params().get(Catalog.DURATION);
        return new VideoObject(job.id().toString(), "video", job.model(), status(job.status()),
                succeeded ? 100 : job.progress() == null ? 0 : job.progress(),
                job.createdAt().getEpochSecond(),
                succeeded && job.finishedAt() != null ? job.finishedAt().getEpochSecond() : null,
                null, // outputs stay in the library until deleted
                job.prompt(), duration == null ? null : String.valueOf(duration), null, null,
                job.status().terminal() && !succeeded ? errorOf(job) : null);
    }

    private static Map<String, Object> errorOf(GenerationJob job) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", job.errorCode() == null ? job.status().value() : job.errorCode());
        error.put("message", job.errorMessage() == null ? "The video ended " + job.status().value() : job.errorMessage());
        return error;
    }

    private static String status(GenerationStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case RUNNING -> "in_progress";
            case SUCCEEDED -> "completed";
            default -> "failed";
        };
    }

    private static boolean takes(Model model, String name) {
        return model.parameters().stream().map(Parameter::name).anyMatch(name::equals);
    }
}
