package dev.atelier.stock.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.NewAsset;
import dev.atelier.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies a stock photo into the caller's library (streamed, checked like any upload) and records
 * its attribution next to the asset, so timelines and credits can show it.
 */
@Component
class StockImports {

    private final StockSearch search;
    private final Assets assets;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    StockImports(StockSearch search, Assets assets, JdbcClient jdbc, Clock clock) {
        this.search = search;
        this.assets = assets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Imported(Asset asset, StockPhoto photo) {
    }

    Imported importPhoto(CurrentUser user, String source, String id) {
        StockPhoto photo = search.photo(source, id);
        if (photo.downloadUrl() == null || !photo.downloadUrl().startsWith("http")) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "stock_unavailable", "The photo has no download link");
        }
        Asset asset;
        try (InputStream body = download(URI.create(photo.downloadUrl()))) {
            asset = assets.store(NewAsset.upload(user.id(), source + "-" + photo.id() + ".jpg", null), body);
        } catch (MediaRejected e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "stock_photo_rejected", e.getMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "stock_unavailable", "Could not fetch the photo");
        }
        search.source(source).downloaded(photo);
        jdbc.sql("""
                insert into stock_imports (asset_id, owner_id, source, photo_id, photographer, photographer_url, page_url,
                    attribution, imported_at)
                values (:asset, :owner, :source, :photo, :photographer, :photographerUrl, :page, :attribution, :now)""")
                .param("asset", asset.id()).param("owner", user.id()).param("source", source).param("photo", photo.id())
                .param("photographer", photo.photographer()).param("photographerUrl", photo.photographerUrl())
                .param("page", photo.pageUrl()).param("attribution", photo.attribution())
                .param("now", Timestamp.from(clock.instant())).update();
        return new Imported(asset, photo);
    }

    private InputStream download(URI url) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
            if ("http".equals(url.getScheme())) {
                request.version(HttpClient.Version.HTTP_1_1);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
