package dev.atelier.media.delivery;

import dev.atelier.accounts.AccountStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Serves the bytes behind signed links, outside {@code /api}: the signature is the credential,
 * no token is needed (so an {@code <img>} or {@code <video>} can use it). A forged, altered or
 * malformed link and an expired one are 403; a valid link to an asset since deleted, or whose owner
 * was disabled since, is 404.
 * Assets never change, so the ETag is the content's SHA-256 and the link may be cached until it
 * expires. With the S3 store a valid link is redirected to a presigned URL instead.
 */
@RestController
@Tag(name = "media", description = "Signed links to the bytes of assets")
class MediaController {

    private static final Logger log = LoggerFactory.getLogger(MediaController.class);

    private final MediaUrls urls;
    private final Assets assets;
    private final BlobStore store;
    private final AccountStatus accounts;

    MediaController(MediaUrls urls, Assets assets, BlobStore store, AccountStatus accounts) {
        this.urls = urls;
        this.assets = assets;
        this.store = store;
        this.accounts = accounts;
    }

    @GetMapping("/media/{id}")
    @Operation(operationId = "getMediaContent", summary = "The bytes behind a signed link (no token needed)",
            security = {})
    @ApiResponse(responseCode = "200", description = "The bytes", headers = {
            @Header(name = "ETag", description = "The content's SHA-256, quoted", schema = @Schema(type = "string")),
            @Header(name = "Accept-Ranges", schema = @Schema(type = "string", allowableValues = "bytes"))},
            content = {
            @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "video/*", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "206", description = "The requested range(s) of the bytes", headers = {
            @Header(name = "Content-Range", description = "For one range", schema = @Schema(type = "string"))},
            content = {
            @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "video/*", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "multipart/byteranges", schema = @Schema(type = "string", format = "binary"))})
    @SignedLinkDocs
    void content(@PathVariable UUID id, @Parameter(hidden = true) @RequestParam(required = false) String exp,
            @Parameter(hidden = true) @RequestParam(required = false) String sig,
            @Parameter(description = "Present on download links: answered as an attachment with the asset's name",
                    schema = @Schema(type = "string", maxLength = 10))
            @RequestParam(required = false) String download,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Asset asset = verified(id, MediaUrls.Variant.CONTENT, exp, sig, download);
        serve(asset, BlobKeys.content(id), asset.mediaType(), "\"" + asset.sha256() + "\"",
                download != null ? Downloads.attachment(asset) : null, exp, request, response);
    }

    @GetMapping("/media/{id}/thumbnail")
    @Operation(operationId = "getMediaThumbnail", summary = "The thumbnail behind a signed link (no token needed)",
            security = {})
    @ApiResponse(responseCode = "200", description = "The thumbnail, an image", headers = {
            @Header(name = "ETag", description = "`thumbnail-` and the content's SHA-256, quoted",
                    schema = @Schema(type = "string")),
            @Header(name = "Accept-Ranges", schema = @Schema(type = "string", allowableValues = "bytes"))},
            content = @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The requested range(s) of the thumbnail", headers = {
            @Header(name = "Content-Range", description = "For one range", schema = @Schema(type = "string"))},
            content = {
            @Content(mediaType = "image/*", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "multipart/byteranges", schema = @Schema(type = "string", format = "binary"))})
    @SignedLinkDocs
    void thumbnail(@PathVariable UUID id, @Parameter(hidden = true) @RequestParam(required = false) String exp,
            @Parameter(hidden = true) @RequestParam(required = false) String sig, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Asset asset = verified(id, MediaUrls.Variant.THUMBNAIL, exp, sig, null);
        if (!asset.hasThumbnail()) {
            throw ApiException.notFound("Thumbnail");
        }
        serve(asset, BlobKeys.thumbnail(id), asset.thumbnailType(), "\"thumbnail-" + asset.sha256() + "\"", null,
                exp, request, response);
    }

    private Asset verified(UUID id, MediaUrls.Variant variant, String exp, String sig, String download) {
        switch (urls.verify(id, variant, exp, sig, download)) {
            case INVALID -> throw new ApiException(HttpStatus.FORBIDDEN, "invalid_signature",
                    "This link is not valid: it was altered or is incomplete");
            case EXPIRED -> throw new ApiException(HttpStatus.FORBIDDEN, "link_expired",
                    "This link has expired; ask the API for a fresh one");
            case VALID -> { }
        }
        Asset asset = assets.find(id).orElseThrow(() -> ApiException.notFound("Asset"));
        if (!accounts.active(asset.ownerId())) {
            // the link outlives the owner's sign-in: a disabled owner's media stop being served at once
            throw ApiException.notFound("Asset");
        }
        return asset;
    }

    private void serve(Asset asset, String key, String type, String etag, String disposition, String exp,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        long maxAge = urls.secondsLeft(exp);
        Path file = store.localFile(key).orElse(null);
        if (file == null) {
            URI direct = store.presignedGet(key, Duration.ofSeconds(Math.max(1, maxAge)), type, disposition)
                    .orElseThrow(() -> {
                        log.warn("Asset {} has no blob under {}", asset.id(), key);
                        return ApiException.notFound("Asset");
                    });
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader(HttpHeaders.LOCATION, direct.toString());
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL,
                CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePrivate().getHeaderValue());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (disposition != null) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return; // 304, with the ETag
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        try {
            ByteRanges.write(file, type, etag, request, response);
        } catch (ByteRanges.ClientGone e) {
            log.debug("Client went away while {} was sent: {}", key, e.getMessage());
        }
    }
}
