package dev.atelier.render.internal;

import dev.atelier.accounts.Owned;
import java.time.Instant;
import java.util.UUID;

/** An export row: a project's timeline (as it was when asked for) on its way to a video file. */
record Export(
        UUID id,
        UUID ownerId,
        UUID projectId,
        long projectVersion,
        String timeline,
        int width,
        int height,
        int fps,
        int projectHeight,
        String resolution,
        String format,
        long lengthMs,
        RenderStatus status,
        int progress,
        Integer etaSeconds,
        int attempts,
        String worker,
        UUID outputAssetId,
        UUID uploadedAssetId,
        String price,
        UUID holdId,
        long costHeld,
        Long costCharged,
        String errorCode,
        String errorMessage,
        Instant deadline,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) implements Owned {

    String reference() {
        return "render:" + id;
    }
}
