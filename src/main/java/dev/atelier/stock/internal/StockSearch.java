package dev.atelier.stock.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.platform.ApiException;
import dev.atelier.stock.StockProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Searches every configured source and keeps each answered page in a bounded Caffeine cache
 * ({@code cache-size} entries, {@code cache-for}), keyed by source, query and page: the sources'
 * quotas are small (Pexels 20,000 a month, Unsplash 50 an hour in development).
 */
@Component
class StockSearch {

    private final Map<String, StockSource> sources = new LinkedHashMap<>();
    private final Cache<String, StockSource.Results> cache;

    StockSearch(StockProperties properties, Clock clock) {
        if (properties.pexels().configured()) {
            sources.put("pexels", new Pexels(properties, clock));
        }
        if (properties.unsplash().configured()) {
            sources.put("unsplash", new Unsplash(properties, clock));
        }
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize()).expireAfterWrite(properties.cacheFor())
                .build();
    }

    record Found(List<StockPhoto> photos, boolean hasMore) {
    }

    Found search(String query, int page) {
        requireConfigured();
        String normalised = query.strip().toLowerCase(Locale.ROOT);
        List<StockPhoto> photos = new ArrayList<>();
        boolean more = false;
        for (StockSource source : sources.values()) {
            String key = source.id() + "\n" + normalised + "\n" + page;
            StockSource.Results results = cache.getIfPresent(key);
            if (results == null) {
                results = call(() -> source.search(normalised, page));
                cache.put(key, results);
            }
            photos.addAll(results.photos());
            more |= results.hasMore();
        }
        return new Found(photos, more);
    }

    StockPhoto photo(String sourceId, String id) {
        requireConfigured();
        StockSource source = source(sourceId);
        return call(() -> source.photo(id));
    }

    StockSource source(String id) {
        StockSource source = sources.get(id);
        if (source == null) {
            throw ApiException.notFound("Stock source " + id);
        }
        return source;
    }

    private void requireConfigured() {
        if (sources.isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "stock_not_configured",
                    "Stock photos are not configured on this server (an operator sets ATELIER_STOCK_PEXELS_API_KEY)");
        }
    }

    interface Call<T> {
        T run() throws StockSource.Upstream;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (StockSource.Upstream e) {
            if (e.status == 429) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "stock_rate_limited", e.getMessage())
                        .header("Retry-After", String.valueOf(e.retryAfterSeconds));
            }
            if (e.status == 404) {
                throw ApiException.notFound("Stock photo");
            }
            throw new ApiException(HttpStatus.BAD_GATEWAY, "stock_unavailable", e.getMessage());
        }
    }
}
