package dev.atelier.render.internal;

import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What a server asks of a remote render worker (signed per Standard Webhooks): the edit with its
 * media by content hash, where to fetch each (signed links), where to put the result (a signed
 * upload link) and where to report (callbacks, signed with the same secret). The worker builds
 * the ffmpeg invocation itself, for the encoders its own ffmpeg has.
 */
record RemoteJob(UUID renderId, Edit edit, Window window, Output output, List<Input> inputs, URI uploadUrl,
        URI callbackUrl, long timeoutSeconds) {

    record Input(String sha256, URI url) {
    }

    /** A worker's report: {@code progress} (0..99), {@code succeeded} (after the upload) or {@code failed}. */
    record Callback(UUID renderId, String type, Integer progress, String code, String message) {
    }
}
