package dev.atelier.editor.internal;

import dev.atelier.editor.Timeline;
import dev.atelier.media.Assets;
import dev.atelier.platform.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps a project's pins ({@code project:<id>}) equal to the assets its timeline uses, so
 * retention never removes them and they cannot be deleted while the project uses them. Called
 * inside the transaction that changes the project, so the pins and the timeline commit together.
 */
@Component
class AssetPins {

    private final Assets assets;

    AssetPins(Assets assets) {
        this.assets = assets;
    }

    static String holder(UUID projectId) {
        return "project:" + projectId;
    }

    /** Pins what {@code after} uses and {@code before} did not; unpins what it no longer uses. */
    void move(UUID projectId, Timeline before, Timeline after) {
        Set<UUID> added = new LinkedHashSet<>(after.assetIds());
        added.removeAll(before.assetIds());
        Set<UUID> dropped = new LinkedHashSet<>(before.assetIds());
        dropped.removeAll(after.assetIds());
        for (UUID id : added) {
            pin(projectId, id);
        }
        for (UUID id : dropped) {
            assets.unpin(id, holder(projectId));
        }
    }

    void pinAll(UUID projectId, Timeline timeline) {
        move(projectId, Timeline.EMPTY, timeline);
    }

    void unpinAll(UUID projectId, Timeline timeline) {
        move(projectId, timeline, Timeline.EMPTY);
    }

    private void pin(UUID projectId, UUID assetId) {
        try {
            assets.pin(assetId, holder(projectId));
        } catch (ApiException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            // deleted between validation and now
            throw InvalidTimeline.of(List.of(new TimelineProblem("$", "asset_not_found",
                    "The asset " + assetId + " was deleted while the timeline was being saved")));
        }
    }
}
