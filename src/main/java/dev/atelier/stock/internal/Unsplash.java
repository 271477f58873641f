package dev.atelier.stock.internal;

import dev.atelier.stock.StockProperties;
import java.time.Clock;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Unsplash: {@code Authorization: Client-ID <key>}, {@code Accept-Version: v1}. Its guidelines ask
 * that a download is reported through the photo's {@code download_location}; an import does.
 */
final class Unsplash implements StockSource {

    private final StockHttp http;
    private final int perPage;

    Unsplash(StockProperties properties, Clock clock) {
        this.http = new StockHttp("unsplash", properties.unsplash().baseUrlOr("https://api.unsplash.com/"),
                Map.of("Authorization", "Client-ID " + properties.unsplash().apiKey(), "Accept-Version", "v1"),
                properties.timeout(), clock);
        this.perPage = properties.perPage();
    }

    @Override
    public String id() {
        return "unsplash";
    }

    @Override
    public Results search(String query, int page) throws Upstream {
        JsonNode body = http.get("search/photos?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&per_page=" + perPage + "&page=" + page);
        List<StockPhoto> photos = new ArrayList<>();
        body.path("results").forEach(photo -> photos.add(photo(photo)));
        return new Results(photos, page < body.path("total_pages").asInt(0));
    }

    @Override
    public StockPhoto photo(String id) throws Upstream {
        return photo(http.get("photos/" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }

    @Override
    public void downloaded(StockPhoto photo) {
        try {
            JsonNode full = http.get("photos/" + URLEncoder.encode(photo.id(), StandardCharsets.UTF_8));
            String location = full.path("links").path("download_location").asString(null);
            if (location != null) {
                http.get(URI.create(location).getRawPath().replaceFirst("^/", "") + "?"
                        + (URI.create(location).getRawQuery() == null ? "" : URI.create(location).getRawQuery()));
            }
        } catch (Upstream | RuntimeException e) {
            // reporting the download is courtesy; the import stands
        }
    }

    private static StockPhoto photo(JsonNode photo) {
        JsonNode user = photo.path("user");
        String photographer = user.path("name").asString("unknown");
        String description = photo.path("alt_description").asString(photo.path("description").asString(""));
        return new StockPhoto("unsplash", photo.path("id").asString(""), photo.path("width").asInt(),
                photo.path("height").asInt(), description, photographer, user.path("links").path("html").asString(null),
                photo.path("links").path("html").asString(null), photo.path("urls").path("small").asString(null),
                photo.path("urls").path("full").asString(null), "Photo by " + photographer + " on Unsplash");
    }
}
