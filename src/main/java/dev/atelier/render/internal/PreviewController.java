package dev.atelier.render.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.credits.OperationClass;
import dev.atelier.credits.RateLimits;
import dev.atelier.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "render", description = "Previews and exports of a project's timeline")
class PreviewController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final Previews previews;
    private final PreviewRows rows;
    private final PreviewCache cache;
    private final PreviewUrls urls;
    private final RateLimits rateLimits;

    PreviewController(Previews previews, PreviewRows rows, PreviewCache cache, PreviewUrls urls,
            RateLimits rateLimits) {
        this.previews = previews;
        this.rows = rows;
        this.cache = cache;
        this.urls = urls;
        this.rateLimits = rateLimits;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping(path = "/api/v1/projects/{id}/preview", produces = JSON)
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "Preview the whole timeline at 360p as HLS; unchanged windows come from the cache",
            operationId = "createPreview")
    @ApiResponse(responseCode = "202", description = "Accepted; follow Location, play playlistUrl", headers =
            @Header(name = "Location", description = "The preview's URL", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such project of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "empty_timeline, asset_missing or invalid_timeline",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "rate_limited",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<PreviewView> create(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        rateLimits.check(user, OperationClass.RENDER);
        Preview p = previews.submit(user, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/previews/" + p.id()))
                .body(view(p));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/previews/{id}", produces = JSON)
    @RequiresScope(Scope.PROJECTS_READ)
    @Operation(summary = "A preview: windows ready, rendered and reused, and its playlist", operationId = "getPreview")
    @ApiResponse(responseCode = "200", description = "The preview")
    @ApiResponse(responseCode = "404", description = "No such preview of the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    PreviewView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return view(previews.get(user, id));
    }

    /** The HLS playlist: the signature in the link is the credential (a player sends no token). */
    @Hidden
    @GetMapping("/previews/{id}/index.m3u8")
    ResponseEntity<String> playlist(@PathVariable UUID id, @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig) {
        Preview p = verified(id, exp, sig);
        String query = "exp=" + exp + "&sig=" + sig;
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        long longest = 0;
        for (int i = 0; i < p.windows().size(); i++) {
            longest = Math.max(longest, p.windowEnds().get(i) - p.windowStart(i));
        }
        m3u8.append("#EXT-X-TARGETDURATION:").append((longest + 999) / 1000).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:EVENT\n");
        int stored = cache.readyFromStart(p.windows()); // what the database says, not a file on this node
        int ready = 0;
        while (ready < stored) {
            long length = p.windowEnds().get(ready) - p.windowStart(ready);
            m3u8.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", length / 1000.0))
                    .append(ready).append(".ts?").append(query).append('\n');
            ready++;
        }
        if (ready == p.windows().size()) {
            m3u8.append("#EXT-X-ENDLIST\n");
        }
        return ResponseEntity.ok().header("Content-Type", "application/vnd.apple.mpegurl")
                .header("Cache-Control", "no-store").body(m3u8.toString());
    }

    @Hidden
    @GetMapping("/previews/{id}/{index}.ts")
    void segment(@PathVariable UUID id, @PathVariable int index, @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig, HttpServletResponse response) throws IOException {
        Preview p = verified(id, exp, sig);
        if (index < 0 || index >= p.windows().size()) {
            throw ApiException.notFound("Segment");
        }
        // from the shared store, whichever node rendered it: a local file on one node, the bucket on a cluster
        try (PreviewCache.Segment segment = cache.open(p.windows().get(index))
                .orElseThrow(() -> ApiException.notFound("Segment"))) {
            response.setContentType("video/mp2t");
            response.setHeader("Cache-Control", "private, max-age=3600");
            response.setContentLengthLong(segment.bytes());
            segment.writeTo(response.getOutputStream());
        }
    }

    private Preview verified(UUID id, String exp, String sig) {
        Preview p = rows.find(id).orElse(null);
        UUID owner = p == null ? new UUID(0, 0) : p.ownerId();
        switch (urls.verify(id, owner, exp, sig)) {
            case INVALID -> throw new ApiException(HttpStatus.FORBIDDEN, "invalid_signature",
                    "This link is not valid: it was altered or is incomplete");
            case EXPIRED -> throw new ApiException(HttpStatus.FORBIDDEN, "link_expired",
                    "This link has expired; ask the API for a fresh one");
            case VALID -> { }
        }
        if (p == null) {
            throw ApiException.notFound("Preview");
        }
        return p;
    }

    private PreviewView view(Preview p) {
        int ready = cache.readyFromStart(p.windows());
        return new PreviewView(p.id(), p.projectId(), p.projectVersion(), p.status(), p.lengthMs(),
                p.windows().size(), ready, p.rendered(), p.reused(), urls.playlist(p.id(), p.ownerId()),
                p.errorCode() == null ? null : new ExportView.Error(p.errorCode(), p.errorMessage()),
                p.createdAt(), p.finishedAt());
    }
}
