package dev.atelier.media.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.NewAsset;
import dev.atelier.media.StorageUsage;
import dev.atelier.media.UploadGate;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.web.MultipartReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/uploads}: a multipart body whose part {@code file} is the upload.
 *
 * <p>The multipart stream is read here, part by part ({@link MultipartReader}; Spring's multipart
 * resolution is off): the file part flows straight into the library's spool file. With Tomcat's
 * own parsing the whole part would first land in a temporary file of its own — a second full
 * write of every upload, with limits and the quota checked only after the last byte arrived.
 * A declared length beyond the largest limit or the free quota is refused before a byte is
 * read. Other parts are skipped (at most 1 MB of them); only the first file part counts.
 */
@RestController
@Tag(name = "media")
class UploadController {

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);
    /** Room for the multipart boundaries and part headers around the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final long MAX_SKIPPED = 1024 * 1024;

    private final Assets assets;
    private final MediaProperties properties;
    private final ObjectProvider<UploadGate> gates;
    private final AssetViews views;

    private final UploadMeters meters;

    UploadController(Assets assets, MediaProperties properties, ObjectProvider<UploadGate> gates, AssetViews views,
            UploadMeters meters) {
        this.meters = meters;
        this.assets = assets;
        this.properties = properties;
        this.gates = gates;
        this.views = views;
    }

    /** The multipart body, as the API description shows it (the controller reads the stream itself). */
    @Schema(name = "UploadForm", requiredProperties = "file")
    record UploadForm(@Schema(type = "string", format = "binary",
            description = "The file: an image (PNG, JPEG, GIF, WebP), video (MP4, QuickTime, WebM, Matroska) or "
                    + "audio (MP3, WAV, FLAC, Ogg, Opus, AAC, M4A)") String file) {
    }

    @PostMapping("/api/v1/uploads")
    @RequiresScope(Scope.LIBRARY_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "uploadAsset", summary = "Upload a file into the library",
            description = "An upload is an input for generations and projects: it carries `expiresAt` and retention "
                    + "removes it after that (7 days by default) unless something still uses it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class))))
    @ApiResponse(responseCode = "400", description = "`malformed_upload`, `missing_file`, `upload_interrupted`, or "
            + "another malformed request")
    @ApiResponse(responseCode = "413", description = "`file_too_large` (with `limit`) or `storage_quota_exceeded` "
            + "(with `quota` and `used`)")
    @ApiResponse(responseCode = "415", description = "`unsupported_media_type` (not multipart/form-data) or "
            + "`unsupported_media` (not a kind of file the library keeps)")
    @ApiResponse(responseCode = "429", description = "`rate_limited`: too many uploads; wait `Retry-After` seconds")
    ResponseEntity<AssetView> upload(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request)
            throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the file as multipart/form-data in a part named 'file'");
        }
        refuseByDeclaredLength(user, request.getContentLengthLong());
        List<UploadGate.Admission> admissions = new ArrayList<>();
        try {
            gates.orderedStream().forEach(gate -> admissions.add(gate.admit(user)));
            Asset asset = storeFilePart(user, request, contentType);
            meters.uploaded(asset);
            return ResponseEntity.created(URI.create("/api/v1/assets/" + asset.id())).body(views.of(asset));
        } finally {
            admissions.forEach(UploadGate.Admission::close);
        }
    }

    private void refuseByDeclaredLength(CurrentUser user, long declared) {
        if (declared < 0) {
            return; // chunked: the limits stop it as it streams
        }
        long largest = properties.limits().largest();
        if (declared > largest + MULTIPART_OVERHEAD) {
            throw MediaRejected.tooLarge(largest);
        }
        StorageUsage usage = assets.usage(user.id());
        if (declared - MULTIPART_OVERHEAD > usage.quotaBytes() - usage.usedBytes() - usage.reservedBytes()) {
            throw MediaRejected.overQuota(usage.quotaBytes(), usage.usedBytes());
        }
    }

    private Asset storeFilePart(CurrentUser user, HttpServletRequest request, String contentType) throws IOException {
        MultipartReader multipart;
        try {
            // every read of the body, the preamble included, fails as the client's doing when the client goes away
            multipart = new MultipartReader(new ClientInput(request.getInputStream()),
                    MediaType.parseMediaType(contentType).getParameter("boundary"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed_upload", "The multipart body has no usable boundary");
        }
        long skipped = 0;
        try {
            for (MultipartReader.Part part = multipart.next(); part != null; part = multipart.next()) {
                if (part.fileName() != null && "file".equals(part.name())) {
                    try (InputStream in = new ClientInput(part.body())) {
                        return assets.store(NewAsset.upload(user.id(), part.fileName(), properties.uploadRetention()),
                                in);
                    }
                }
                skipped = skip(part, skipped);
            }
        } catch (MultipartReader.MalformedException e) {
            throw ApiException.badRequest("malformed_upload", "The multipart body is malformed: " + e.getMessage());
        } catch (ClientInput.Interrupted | EOFException e) {
            log.debug("Upload by {} ended before it was complete: {}", user.id(), e.getMessage());
            throw ApiException.badRequest("upload_interrupted", "The upload ended before the file was complete");
        }
        throw ApiException.badRequest("missing_file", "The multipart body has no file part named 'file'");
    }

    private static long skip(MultipartReader.Part part, long skippedSoFar) throws IOException {
        long skipped = skippedSoFar;
        byte[] sink = new byte[8192];
        try (InputStream in = part.body()) {
            for (int n = in.read(sink); n >= 0; n = in.read(sink)) {
                skipped += n;
                if (skipped > MAX_SKIPPED) {
                    throw ApiException.badRequest("malformed_upload", "Too much besides the file part");
                }
            }
        }
        return skipped;
    }
}
