package dev.atelier.render.internal;

import dev.atelier.media.Assets;
import java.net.URI;
import org.springframework.stereotype.Component;

@Component
class ExportViews {

    private final Assets assets;

    ExportViews(Assets assets) {
        this.assets = assets;
    }

    ExportView of(Export e) {
        URI download = e.outputAssetId() == null ? null
                : assets.find(e.outputAssetId()).map(a -> assets.contentUrl(a, true)).orElse(null);
        return new ExportView(e.id(), e.projectId(), e.projectVersion(), e.status().value(), e.progress(),
                e.status() == RenderStatus.RUNNING ? e.etaSeconds() : null, e.resolution(), e.format(), e.width(),
                e.height(), e.fps(), e.lengthMs(), e.costHeld(), e.costCharged(), e.outputAssetId(), download,
                e.errorCode() == null ? null : new ExportView.Error(e.errorCode(), e.errorMessage()),
                e.createdAt(), e.startedAt(), e.finishedAt());
    }
}
