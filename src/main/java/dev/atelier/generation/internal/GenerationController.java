package dev.atelier.generation.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.credits.OperationClass;
import dev.atelier.credits.RateLimits;
import dev.atelier.generation.GenerationStatus;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/generations")
@RequiresScope(Scope.GENERATE)
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

    record Submit(
            @NotBlank @Size(max = 200) String model,
            @NotBlank @Size(max = 10_000) String prompt,
            @Size(max = 50) Map<String, Object> params,
            @Size(max = 10) List<UUID> inputAssetIds) {
    }

    @PostMapping
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
    GenerationView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Generation g = generations.get(user, id);
        return GenerationView.of(g, outputs.describe(user.id(), g.outputs()));
    }

    @GetMapping
    Page<GenerationView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String model, @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        GenerationRows.Filters filters = new GenerationRows.Filters(blankToNull(kind), status(status),
                blankToNull(model), blankToNull(q));
        String scope = "generations:" + user.id() + ":" + filters;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.page(user.id(), filters, page), g -> List.of(g.createdAt(), g.id()))
                .map(g -> GenerationView.of(g, outputs.describe(user.id(), g.outputs())));
    }

    @PostMapping("/{id}/cancel")
    GenerationView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Generation g = generations.cancel(user, id);
        return GenerationView.of(g, outputs.describe(user.id(), g.outputs()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        generations.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static GenerationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return GenerationStatus.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter",
                    "status must be one of queued, running, succeeded, failed, canceled, timed_out");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
