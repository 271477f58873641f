package dev.atelier.render.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.credits.OperationClass;
import dev.atelier.credits.RateLimits;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "render", description = "Previews and exports of a project's timeline")
class ExportController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final Exports exports;
    private final ExportRows rows;
    private final ExportViews views;
    private final Cursors cursors;
    private final RateLimits rateLimits;

    ExportController(Exports exports, ExportRows rows, ExportViews views, Cursors cursors, RateLimits rateLimits) {
        this.exports = exports;
        this.rows = rows;
        this.views = views;
        this.cursors = cursors;
        this.rateLimits = rateLimits;
    }

    record NewExport(
            @NotNull @Pattern(regexp = "480p|720p|1080p") @Schema(allowableValues = {"480p", "720p", "1080p"})
            String resolution,
            @Pattern(regexp = "mp4|webm") @Schema(allowableValues = {"mp4", "webm"}, defaultValue = "mp4")
            String format) {
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(path = "/api/v1/projects/{id}/exports", consumes = JSON, produces = JSON)
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Export the project's timeline to a video file (priced per second of output)",
            operationId = "createExport")
    @ApiResponse(responseCode = "202", description = "Accepted; follow Location", headers =
            @Header(name = "Location", description = "The export's URL", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "validation_failed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "402", description = "insufficient_credits",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "empty_timeline, asset_missing or format_unavailable",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "rate_limited or too_many_active_jobs",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ExportView> create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody NewExport body) {
        rateLimits.check(user, OperationClass.RENDER);
        Export e = exports.submit(user, id, body.resolution(), body.format() == null ? "mp4" : body.format());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/exports/" + e.id()))
                .body(views.of(e));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/exports/{id}", produces = JSON)
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "An export: status, progress, time left, the video, the error", operationId = "getExport")
    @ApiResponse(responseCode = "200", description = "The export")
    @ApiResponse(responseCode = "404", description = "No such export of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ExportView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return views.of(exports.get(user, id));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/projects/{id}/exports", produces = JSON)
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "A project's exports, newest first", operationId = "listExports")
    @ApiResponse(responseCode = "200", description = "A page")
    @ApiResponse(responseCode = "400", description = "invalid_limit or invalid_cursor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Page<ExportView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) Integer limit,
            @Parameter(schema = @Schema(maxLength = 1024)) @RequestParam(required = false) String cursor) {
        String scope = "exports:" + user.id() + ":" + id;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.page(user.id(), id, page), e -> List.of(e.createdAt(), e.id()))
                .map(views::of);
    }

    @ResponseStatus(HttpStatus.OK)
    @PostMapping(path = "/api/v1/exports/{id}/cancel", produces = JSON)
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Cancel an export: ffmpeg stops, the credits come back", operationId = "cancelExport")
    @ApiResponse(responseCode = "200", description = "Canceled")
    @ApiResponse(responseCode = "404", description = "No such export of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "export_finished",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ExportView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return views.of(exports.cancel(user, id));
    }
}
