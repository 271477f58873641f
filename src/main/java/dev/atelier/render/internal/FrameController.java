package dev.atelier.render.internal;

import org.springframework.http.HttpStatus;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "render", description = "Previews and exports of a project's timeline")
class FrameController {

    private static final String PROBLEM = "application/problem+json";
    private final Frames frames;

    FrameController(Frames frames) {
        this.frames = frames;
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/projects/{id}/frame", produces = {"image/jpeg", "image/png", PROBLEM})
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "One frame of the timeline as an image", operationId = "getProjectFrame")
    @ApiResponse(responseCode = "200", description = "The frame",
            content = {@Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png")})
    @ApiResponse(responseCode = "400", description = "validation_failed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "outside_timeline, asset_missing, render_failed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "busy",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> frame(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam @Min(0) @Max(3_600_000) long atMs,
            @Parameter(schema = @Schema(allowableValues = {"jpeg", "png"}, defaultValue = "jpeg"))
            @RequestParam(defaultValue = "jpeg") @Pattern(regexp = "jpeg|png") String format,
            @Parameter(schema = @Schema(minimum = "90", maximum = "720", defaultValue = "360"))
            @RequestParam(defaultValue = "360") @Min(90) @Max(720) int height) throws IOException {
        boolean png = "png".equals(format);
        byte[] image = frames.frame(user, id, atMs, png, height - height % 2);
        return ResponseEntity.ok().header("Content-Type", png ? "image/png" : "image/jpeg")
                .header("Cache-Control", "private, no-cache").body(image);
    }
}
