package dev.atelier.render.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** An export as the API shows it. */
@Schema(name = "Export")
record ExportView(
        UUID id,
        UUID projectId,
        long projectVersion,
        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "canceled", "timed_out"}) String status,
        @Schema(minimum = "0", maximum = "100") int progress,
        @Schema(description = "Estimated seconds left while running") Integer etaSeconds,
        @Schema(allowableValues = {"480p", "720p", "1080p"}) String resolution,
        @Schema(allowableValues = {"mp4", "webm"}) String format,
        int width,
        int height,
        int fps,
        long lengthMs,
        long costHeld,
        Long costCharged,
        @Schema(description = "The finished video in the media library") UUID outputAssetId,
        @Schema(description = "A signed, expiring link to the finished video") URI downloadUrl,
        Error error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    record Error(String code, String message) {
    }
}
