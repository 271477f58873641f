package dev.atelier.media.web;

import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import org.springframework.stereotype.Component;

/** Assets with fresh signed links. */
@Component
class AssetViews {

    private final Assets assets;

    AssetViews(Assets assets) {
        this.assets = assets;
    }

    AssetView of(Asset asset) {
        return AssetView.of(asset, assets.contentUrl(asset, false), assets.thumbnailUrl(asset).orElse(null));
    }
}
