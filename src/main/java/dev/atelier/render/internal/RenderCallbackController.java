package dev.atelier.render.internal;

import dev.atelier.render.RenderProperties;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.NewAsset;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.signing.StandardWebhooks;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Where remote workers report (outside {@code /api}: the signature is the credential).
 * A callback with a missing, wrong or expired Standard Webhooks signature is 401 and changes
 * nothing; one for an unknown render is 404; a replayed message id is answered 200 and changes
 * nothing; a duplicate or late "succeeded" completes the export at most once (the row's
 * compare-and-set). The result itself comes first through the signed upload link.
 */
@Hidden
@RestController
class RenderCallbackController {

    private static final Logger log = LoggerFactory.getLogger(RenderCallbackController.class);
    private static final long MAX_UPLOAD = 8L << 30;

    private final SignedMessages signed;
    private final ExportRows rows;
    private final RenderTransitions transitions;
    private final Assets assets;
    private final WorkFolders folders;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    private final RenderProperties properties;

    RenderCallbackController(SignedMessages signed, ExportRows rows, RenderTransitions transitions, Assets assets,
            WorkFolders folders, TransactionTemplate transactions, ObjectMapper json, RenderProperties properties) {
        this.properties = properties;
        this.signed = signed;
        this.rows = rows;
        this.transitions = transitions;
        this.assets = assets;
        this.folders = folders;
        this.transactions = transactions;
        this.json = json;
    }

    @PostMapping("/render-callbacks/{id}")
    ResponseEntity<Void> callback(@PathVariable UUID id, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = StandardWebhooks.ID, required = false) String messageId,
            @RequestHeader(name = StandardWebhooks.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = StandardWebhooks.SIGNATURE, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        StandardWebhooks.Verdict verdict = signed.verify(messageId, timestamp, signature, raw);
        if (!verdict.valid()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature",
                    "The callback's signature is missing, wrong or expired (" + verdict.name().toLowerCase() + ")");
        }
        RemoteJob.Callback callback;
        try {
            callback = json.readValue(raw, RemoteJob.Callback.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("malformed_body", "The callback is not a render callback");
        }
        if (!id.equals(callback.renderId())) {
            throw ApiException.badRequest("render_mismatch", "The callback names another render");
        }
        Export e = rows.find(id).orElseThrow(() -> ApiException.notFound("Render"));
        transactions.executeWithoutResult(status -> {
            if (signed.firstTime(messageId)) { // a replayed id was acted on already: nothing changes
                apply(e, callback);
            }
        });
        RenderStatus now = rows.find(id).orElseThrow().status();
        // an export that ended here (canceled, timed out) tells its worker to stop
        return now == RenderStatus.CANCELED || now == RenderStatus.TIMED_OUT
                ? ResponseEntity.status(HttpStatus.CONFLICT).build() : ResponseEntity.ok().build();
    }

    private void apply(Export e, RemoteJob.Callback callback) {
        switch (callback.type() == null ? "" : callback.type()) {
            case "progress" -> transitions.progress(e.id(), Math.clamp(callback.progress() == null ? 0
                    : callback.progress(), 0, 99), null);
            case "succeeded" -> {
                Export now = rows.find(e.id()).orElseThrow();
                if (now.status() != RenderStatus.RUNNING) {
                    log.info("A late or repeated success of export {} changes nothing", e.id());
                } else if (now.uploadedAssetId() == null) {
                    transitions.end(e.id(), RenderStatus.FAILED, "no_output",
                            "The render worker reported success without uploading a video");
                } else {
                    transitions.succeed(e.id(), now.uploadedAssetId());
                }
            }
            case "failed" -> transitions.end(e.id(), RenderStatus.FAILED,
                    callback.code() == null ? "render_failed" : callback.code(),
                    callback.message() == null ? "The render worker failed" : callback.message());
            default -> throw ApiException.badRequest("malformed_body", "Unknown callback type " + callback.type());
        }
    }

    /** The signed upload link: the finished video goes straight into the media library. */
    @PutMapping("/render-callbacks/{id}/output")
    ResponseEntity<Void> upload(@PathVariable UUID id, @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig, HttpServletRequest request) throws IOException {
        if (!signed.uploadValid(id, exp, sig)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature", "The upload link is not valid");
        }
        Export e = rows.find(id).orElseThrow(() -> ApiException.notFound("Render"));
        if (e.status() != RenderStatus.RUNNING || e.uploadedAssetId() != null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        Path work = folders.create("upload-" + id);
        try {
            Path file = work.resolve("output." + e.format());
            try (InputStream in = request.getInputStream()) {
                Files.copy(new BoundedInput(in, MAX_UPLOAD), file, StandardCopyOption.REPLACE_EXISTING);
            }
            Asset video = assets.store(NewAsset.rendered(e.ownerId(), "export-" + id.toString().substring(0, 8)
                    + "." + e.format(), properties.exportKeepFor()), file);
            if (!rows.uploaded(id, video.id())) {
                assets.delete(video.id()); // a second upload, or the export ended meanwhile
                return ResponseEntity.status(HttpStatus.CONFLICT).build();
            }
            return ResponseEntity.noContent().build();
        } catch (MediaRejected rejected) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "output_rejected", rejected.getMessage());
        } finally {
            folders.delete(work);
        }
    }

    /** Stops reading a body past a size. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("upload too large");
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && --left < 0) {
                throw new IOException("upload too large");
            }
            return c;
        }
    }
}
