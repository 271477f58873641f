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
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/images/generations} and {@code /v1/images/edits}: each image is a generation of the
 * mapped model (priced, held, limited and in the history like any other); the answer waits for
 * them and carries the pictures as {@code b64_json} or signed {@code url}s.
 */
@Hidden // described by OpenAI's API reference (docs/openai-compatible.md)
@RestController
@RequiresScope(Scope.GENERATE)
class ImagesController {

    private static final String DEFAULT_MODEL = "gpt-image-1";
    private final ModelNames models;
    private final GenerationJobs jobs;
    private final JobWaiter waiter;
    private final FormUpload forms;
    private final ImageAnswers answers;
    private final CompatProperties properties;

    ImagesController(ModelNames models, GenerationJobs jobs, JobWaiter waiter, FormUpload forms, ImageAnswers answers,
            CompatProperties properties) {
        this.models = models;
        this.jobs = jobs;
        this.waiter = waiter;
        this.forms = forms;
        this.answers = answers;
        this.properties = properties;
    }

    /** OpenAI's fields; unknown ones (and {@code user}, {@code quality}, {@code style}) are accepted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageRequest(
            String prompt,
            String model,
            Integer n,
            String size,
            @JsonProperty("response_format") String responseFormat,
            @JsonProperty("output_format") String outputFormat) {
    }

    @PostMapping(path = "/v1/images/generations", consumes = MediaType.APPLICATION_JSON_VALUE)
    void generate(@AuthenticationPrincipal CurrentUser user, @RequestBody ImageRequest body,
            HttpServletResponse response) throws IOException {
        answer(user, body, List.of(), response);
    }

    @PostMapping(path = "/v1/images/edits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    void edit(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        FormUpload.Form form = forms.read(user, request, Set.of("image", "image[]"));
        List<UUID> pictures = form.files().stream().map(Asset::id).toList();
        ImageRequest body;
        List<UUID> submitted;
        try {
            if (pictures.isEmpty()) {
                throw ImageRequests.invalid("image", "image is required: the picture to edit");
            }
            body = new ImageRequest(form.field("prompt"), form.field("model"), form.number("n"),
                    form.field("size"), form.field("response_format"), form.field("output_format"));
            submitted = submit(user, body, pictures);
        } catch (RuntimeException e) {
            forms.discardUnused(form.files()); // refused before any job took them: nothing keeps them
            throw e;
        }
        respond(user, body, submitted, response); // the jobs hold the pictures as their inputs from here on
    }

    private void answer(CurrentUser user, ImageRequest body, List<UUID> inputs, HttpServletResponse response)
            throws IOException {
        respond(user, body, submit(user, body, inputs), response);
    }

    private List<UUID> submit(CurrentUser user, ImageRequest body, List<UUID> inputs) {
        String prompt = ImageRequests.prompt(body.prompt());
        int count = ImageRequests.count(body.n(), properties.maxImages());
        ImageRequests.base64(body.responseFormat(), body.model());
        ImageRequests.outputFormat(body.outputFormat());
        Model model = models.resolve(body.model(), ModelKind.IMAGE, DEFAULT_MODEL);
        return submit(user, model, prompt, body.size(), count, inputs);
    }

    private void respond(CurrentUser user, ImageRequest body, List<UUID> submitted, HttpServletResponse response)
            throws IOException {
        List<GenerationJob> ended = waiter.awaitAll(user, submitted, properties.imageWait());
        JobOutcomes.requireSucceeded(ended);
        answers.write(response, ended, ImageRequests.base64(body.responseFormat(), body.model()),
                ImageRequests.outputFormat(body.outputFormat()));
    }

    /** All or nothing: if the k-th cannot start, the ones before it are canceled (credits released). */
    private List<UUID> submit(CurrentUser user, Model model, String prompt, String size, int count, List<UUID> inputs) {
        long seedBase = ImageRequests.seedBase();
        List<UUID> submitted = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                submitted.add(jobs.submit(user, model.id(), prompt,
                        ImageRequests.params(model, size, i, count, seedBase), inputs).id());
            }
            return submitted;
        } catch (RuntimeException e) {
            submitted.forEach(id -> jobs.cancel(user, id));
            throw e;
        }
    }
}
