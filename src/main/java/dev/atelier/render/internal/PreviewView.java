package dev.atelier.render.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A preview as the API shows it. */
@Schema(name = "Preview")
record PreviewView(
        UUID id,
        UUID projectId,
        long projectVersion,
        @Schema(allowableValues = {"running", "succeeded", "failed"}) String status,
        long lengthMs,
        @Schema(description = "Number of windows (HLS segments)") int windows,
        @Schema(description = "Windows ready to play, from the start") int windowsReady,
        @Schema(description = "Windows this preview rendered") int rendered,
        @Schema(description = "Windows reused from the cache") int reused,
        @Schema(description = "Signed, expiring HLS playlist (EVENT while it grows, ENDLIST when complete)")
        String playlistUrl,
        ExportView.Error error,
        Instant createdAt,
        Instant finishedAt) {
}
