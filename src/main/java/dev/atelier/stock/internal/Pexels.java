package dev.atelier.stock.internal;

import dev.atelier.stock.StockProperties;
import java.time.Clock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Pexels: {@code Authorization: <key>} (no "Bearer"), {@code /search}, {@code /photos/{id}}. */
final class Pexels implements StockSource {

    private final StockHttp http;
    private final int perPage;

    Pexels(StockProperties properties, Clock clock) {
        this.http = new StockHttp("pexels", properties.pexels().baseUrlOr("https://api.pexels.com/v1/"),
                Map.of("Authorization", properties.pexels().apiKey()), properties.timeout(), clock);
        this.perPage = properties.perPage();
    }

    @Override
    public String id() {
        return "pexels";
    }

    @Override
    public Results search(String query, int page) throws Upstream {
        JsonNode body = http.get("search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&per_page="
                + perPage + "&page=" + page);
        List<StockPhoto> photos = new ArrayList<>();
        body.path("photos").forEach(photo -> photos.add(photo(photo)));
        return new Results(photos, body.path("next_page").isString());
    }

    @Override
    public StockPhoto photo(String id) throws Upstream {
        return photo(http.get("photos/" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }

    private static StockPhoto photo(JsonNode photo) {
        String photographer = photo.path("photographer").asString("unknown");
        return new StockPhoto("pexels", photo.path("id").asString(""), photo.path("width").asInt(),
                photo.path("height").asInt(), photo.path("alt").asString(""), photographer,
                photo.path("photographer_url").asString(null), photo.path("url").asString(null),
                photo.path("src").path("medium").asString(null), photo.path("src").path("original").asString(null),
                "Photo by " + photographer + " on Pexels");
    }
}
