package dev.atelier.generation.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.catalog.ModelKind;
import dev.atelier.credits.OperationClass;
import dev.atelier.credits.RateLimits;
import dev.atelier.generation.GenerationStatus;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Filters;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/generations")
@RequiresScope(Scope.GENERATE)
@Tag(name = "generation", description = "Generation requests, their history, cancel and delete")
class GenerationController {

    private final Generations generations;
    private final GenerationRows rows;
    private final OutputStore outputs;
    private final Cursors cursors;
    private final RateLimits rateLimits;

    GenerationController(Generations generations, GenerationRows rows, OutputStore outputs, Cursors cursors,
            RateLimits rateLimits) {
        this.generations = generations;
        this.rows = rows;
        this.outputs = outputs;
        this.cursors = cursors;
        this.rateLimits = rateLimits;
    }

    @Schema(name = "GenerationRequest")
    record Submit(
            @Schema(example = "local/sketch") @NotBlank @Size(max = 200) String model,
            @NotBlank @Size(max = 10_000) String prompt,
            @Schema(description = "The model's parameters (see its `parameters`)") @Size(max = 50)
            Map<String, Object> params,
            @Schema(description = "Assets of the caller's library the model works from") @Size(max = 10)
            List<@jakarta.validation.constraints.NotNull UUID> inputAssetIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "submitGeneration", summary = "Ask a model for an image, video, music or speech",
            description = "Holds the quoted credits and queues the work; follow it at `Location` or on the event "
                    + "stream. The job's id follows from an `Idempotency-Key`, so a retry never pays twice.")
    @ApiResponse(responseCode = "400", description = "`validation_failed` (the request's or the model's "
            + "parameters, see `errors`), or another malformed request")
    @ApiResponse(responseCode = "422", description = "`unknown_model`: no such model on offer (unknown or "
            + "switched off)")
    @ApiResponse(responseCode = "402", description = "`insufficient_credits` (with `required` and `available`)")
    @ApiResponse(responseCode = "404", description = "`not_found`: an input asset that is not the caller's")
    @ApiResponse(responseCode = "429", description = "`rate_limited` (with `retryAfterSeconds`) or "
            + "`too_many_active_jobs` (with `active` and `limit`)")
    ResponseEntity<GenerationView> submit(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Submit body) {
        rateLimits.check(user, OperationClass.GENERATION);
        Generation g = generations.submit(user, body.model(), body.prompt(),
                body.params() == null ? Map.of() : body.params(),
                body.inputAssetIds() == null ? List.of() : List.copyOf(body.inputAssetIds()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/generations/" + g.id()))
                .body(GenerationView.of(g, List.of()));
    }

    @GetMapping("/{id}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "getGeneration", summary = "Show one generation, with its outputs once it succeeded")
    GenerationView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Generation g = generations.get(user, id);
        return GenerationView.of(g, outputs.describe(user.id(), g.outputs()));
    }

    @GetMapping
    @Operation(operationId = "listGenerations", summary = "The caller's history, newest first, with filters")
    Page<GenerationView> list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Only generations of this kind", schema = @Schema(allowableValues = {
                    "image", "video", "music", "speech"})) @RequestParam(required = false) String kind,
            @Parameter(description = "Only generations in this state", schema = @Schema(allowableValues = {
                    "queued", "running", "succeeded", "failed", "canceled", "timed_out"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "Only generations of this model", schema = @Schema(maxLength = 200))
            @RequestParam(required = false) @Size(max = 200) String model,
            @Parameter(description = "Words the prompt contains", schema = @Schema(maxLength = 200))
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        GenerationRows.Filters filters = new GenerationRows.Filters(
                kindFilter(kind), Filters.oneOf("status", status, GenerationStatus.class),
                blankToNull(model), blankToNull(q));
        String scope = "generations:" + user.id() + ":" + filters;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.page(user.id(), filters, page), g -> List.of(g.createdAt(), g.id()))
                .map(g -> GenerationView.of(g, outputs.describe(user.id(), g.outputs())));
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "cancelGeneration", summary = "Stop queued or running work and free its credits")
    @ApiResponse(responseCode = "409", description = "`generation_finished`: it already ended (its state is in "
            + "`generationStatus`)")
    GenerationView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Generation g = generations.cancel(user, id);
        return GenerationView.of(g, outputs.describe(user.id(), g.outputs()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteGeneration", summary = "Delete a finished generation and its outputs",
            description = "Removes the generation from the history **and deletes its outputs from the library** "
                    + "(their files and signed links stop working). When an output is still in use (e.g. by a project) nothing is deleted: 409 `asset_in_use`.")
    @ApiResponse(responseCode = "409", description = "`generation_active`: cancel it first; `asset_in_use`: an "
            + "output is still used (named in `assetId`), nothing was deleted")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        generations.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static String kindFilter(String value) {
        ModelKind kind = Filters.oneOf("kind", value, ModelKind.class);
        return kind == null ? null : kind.value();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
