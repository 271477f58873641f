package dev.atelier.render.internal;

import dev.atelier.platform.ApiException;
import dev.atelier.platform.signing.StandardWebhooks;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * This node as a remote render worker ({@code atelier.render.worker.enabled=true}): it takes
 * render requests signed by a server with the shared secret (401 otherwise, a replayed request
 * id is ignored) and renders them in the background ({@link WorkerRenders}).
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "atelier.render.worker.enabled", havingValue = "true")
class WorkerController {

    private final SignedMessages signed;
    private final WorkerRenders renders;
    private final ObjectMapper json;

    WorkerController(SignedMessages signed, WorkerRenders renders, ObjectMapper json) {
        this.signed = signed;
        this.renders = renders;
        this.json = json;
    }

    @PostMapping("/render-worker/renders")
    ResponseEntity<Map<String, Object>> take(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = StandardWebhooks.ID, required = false) String messageId,
            @RequestHeader(name = StandardWebhooks.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = StandardWebhooks.SIGNATURE, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!signed.verify(messageId, timestamp, signature, raw).valid()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature",
                    "The render request's signature is missing, wrong or expired");
        }
        if (!signed.firstTime(messageId)) {
            return ResponseEntity.ok(Map.of("replayed", true));
        }
        RemoteJob job;
        try {
            job = json.readValue(raw, RemoteJob.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("malformed_body", "Not a render request: " + e.getMessage());
        }
        if (!renders.start(job)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "worker_busy", "This worker is busy")
                    .header("Retry-After", "10");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("renderId", job.renderId().toString()));
    }
}
