package dev.atelier.render.internal;

import dev.atelier.editor.Timeline;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.render.graph.Edit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A stored timeline made ready to render: its assets looked up again (one can vanish after the
 * timeline was saved: then the render fails with {@code asset_missing}) and, when it is rendered
 * here, copied to local files.
 */
@Component
class RenderInputs {

    private final Assets assets;
    private final Inputs inputs;

    RenderInputs(Assets assets, Inputs inputs) {
        this.assets = assets;
        this.inputs = inputs;
    }

    /** The edit and the assets behind its media hashes. */
    record Resolved(Edit edit, Map<String, Asset> bySha) {
    }

    /** The edit and a local file for each media it reads. */
    record Prepared(Edit edit, Map<String, Path> files) {

        Path file(Edit.Media media) {
            return files.get(media.sha256());
        }
    }

    Resolved resolve(Timeline timeline, int projectHeight, UUID ownerId) throws RenderFailure {
        Map<UUID, Asset> found = new HashMap<>();
        for (UUID id : timeline.assetIds()) {
            assets.find(id).ifPresent(asset -> found.put(id, asset));
        }
        Edit edit = EditOf.of(timeline, projectHeight, ownerId, found);
        Map<String, Asset> bySha = new HashMap<>();
        found.values().forEach(asset -> bySha.putIfAbsent(asset.sha256(), asset));
        return new Resolved(edit, bySha);
    }

    Prepared prepare(Timeline timeline, int projectHeight, UUID ownerId) throws RenderFailure {
        return files(resolve(timeline, projectHeight, ownerId));
    }

    /** Drops the local copies a failed render read, so the next one copies them afresh. */
    void discard(Prepared prepared) {
        prepared.files().values().forEach(inputs::discard);
    }

    /** Local copies of only the media {@code invocation} reads (a chunk needs few of a long timeline's). */
    Prepared files(Resolved resolved, dev.atelier.render.graph.Invocation invocation) throws RenderFailure {
        Map<String, Path> files = new HashMap<>();
        for (dev.atelier.render.graph.Invocation.Input input : invocation.inputs()) {
            if (input.media() != null && !files.containsKey(input.media().sha256())) {
                Asset asset = resolved.bySha().get(input.media().sha256());
                if (asset == null) {
                    throw new RenderFailure("asset_missing", "A media file of the timeline is gone");
                }
                files.put(input.media().sha256(), inputs.file(asset));
            }
        }
        return new Prepared(resolved.edit(), files);
    }

    Prepared files(Resolved resolved) throws RenderFailure {
        Map<String, Path> files = new HashMap<>();
        for (Map.Entry<String, Asset> entry : resolved.bySha().entrySet()) {
            files.put(entry.getKey(), inputs.file(entry.getValue()));
        }
        return new Prepared(resolved.edit(), files);
    }
}
