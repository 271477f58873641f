package dev.atelier.editor.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.editor.Project;
import dev.atelier.editor.Timeline;
import dev.atelier.platform.ApiException;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "editor", description = "Projects and their timeline documents")
class ProjectController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final ProjectLibrary projects;
    private final TimelineReader reader;
    private final Cursors cursors;

    ProjectController(ProjectLibrary projects, TimelineReader reader, Cursors cursors) {
        this.projects = projects;
        this.reader = reader;
        this.cursors = cursors;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = JSON, produces = JSON)
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Create a project with an empty timeline", operationId = "createProject")
    @ApiResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = "The project's URL", schema = @Schema(type = "string")),
            @Header(name = "ETag", description = "The version, quoted", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "Bad name or output",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "too_many_projects",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProjectView> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody ProjectRequests.Create body) {
        Project project = projects.create(user, ProjectRequests.name(body.name()), body.output().settings());
        return created(project);
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(produces = JSON)
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "The caller's projects, newest first (without timelines)", operationId = "listProjects")
    @ApiResponse(responseCode = "200", description = "A page")
    @ApiResponse(responseCode = "400", description = "invalid_limit or invalid_cursor",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    Page<ProjectSummaryView> list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) Integer limit,
            @Parameter(schema = @Schema(type = "string", maxLength = 1024)) @RequestParam(required = false) String cursor) {
        String scope = "projects:" + user.id();
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, projects.page(user, page), p -> List.of(p.createdAt(), p.id()))
                .map(ProjectSummaryView::of);
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/{id}", produces = JSON)
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "A project with its timeline", operationId = "getProject")
    @ApiResponse(responseCode = "200", description = "The project", headers =
            @Header(name = "ETag", description = "The version, quoted; send it back in If-Match", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProjectView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ok(projects.get(user, id));
    }

    @ResponseStatus(HttpStatus.OK)
    @PutMapping(path = "/{id}/timeline", consumes = JSON, produces = JSON)
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Replace the timeline (needs If-Match)", operationId = "replaceProjectTimeline")
    @ApiResponse(responseCode = "200", description = "Saved; the new ETag", headers =
            @Header(name = "ETag", description = "The new version, quoted", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "malformed_body",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "version_mismatch: the project changed; currentVersion says to what",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "body_too_large (over 1 MB)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "invalid_timeline: errors[] holds every problem with its path",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = TimelineProblemDocument.class)))
    @ApiResponse(responseCode = "428", description = "precondition_required: If-Match is missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProjectView> replaceTimeline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Parameter(description = "The ETag the edit started from") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The timeline document (at most 1 MB)",
                    content = @Content(mediaType = JSON, schema = @Schema(implementation = Timeline.class)))
            @RequestBody String body) {
        return ok(projects.replaceTimeline(user, id, ifMatch, reader.read(body)));
    }

    @ResponseStatus(HttpStatus.OK)
    @PatchMapping(path = "/{id}", consumes = JSON, produces = JSON)
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Rename, or change the output (which needs If-Match)", operationId = "updateProject")
    @ApiResponse(responseCode = "200", description = "Changed; the new ETag", headers =
            @Header(name = "ETag", description = "The new version, quoted", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Bad name or output, or nothing to change",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "version_mismatch",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "428", description = "precondition_required: an output change without If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProjectView> update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProjectRequests.Update body) {
        if (body.name() == null && body.output() == null) {
            throw ApiException.badRequest("nothing_to_change", "Send a name, an output, or both");
        }
        return ok(projects.update(user, id, ifMatch, ProjectRequests.name(body.name()),
                body.output() == null ? null : body.output().settings()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{id}/duplicate", produces = JSON)
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Copy a project (its timeline and output) under a new id", operationId = "duplicateProject")
    @ApiResponse(responseCode = "201", description = "The copy", headers = {
            @Header(name = "Location", description = "The copy's URL", schema = @Schema(type = "string")),
            @Header(name = "ETag", description = "The version, quoted", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "Bad name",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "too_many_projects",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ProjectView> duplicate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProjectRequests.Duplicate body) {
        String name = body == null ? null : ProjectRequests.name(body.name());
        return created(projects.duplicate(user, id, name));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    @RequiresScope(Scope.PROJECTS_WRITE)
    @Operation(summary = "Delete a project (its assets are let go of, not deleted)", operationId = "deleteProject")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        projects.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProjectView> ok(Project project) {
        return ResponseEntity.ok().eTag(Versions.etag(project.version())).body(ProjectView.of(project));
    }

    private static ResponseEntity<ProjectView> created(Project project) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/projects/" + project.id()))
                .eTag(Versions.etag(project.version())).body(ProjectView.of(project));
    }

    /** The 422 answer's shape, for the OpenAPI description. */
    @Schema(name = "InvalidTimelineProblem")
    record TimelineProblemDocument(String type, String title, int status, String detail, String instance, String code,
            String requestId, List<TimelineProblem> errors) {
    }
}
