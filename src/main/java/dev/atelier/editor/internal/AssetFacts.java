package dev.atelier.editor.internal;

import dev.atelier.media.AssetKind;
import java.util.UUID;

/** What validation needs to know about one of the caller's assets. */
record AssetFacts(UUID id, AssetKind kind, Long durationMs, boolean hasAudio) {
}
