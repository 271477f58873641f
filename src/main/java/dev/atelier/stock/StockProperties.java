package dev.atelier.stock;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of stock-photo search; a source is on when its key is set
 * ({@code ATELIER_STOCK_PEXELS_API_KEY}, {@code ATELIER_STOCK_UNSPLASH_API_KEY}).
 *
 * @param cacheSize search pages kept (by source, query and page)
 * @param cacheFor how long a page is kept
 * @param perPage photos asked of each source per page
 */
@ConfigurationProperties("atelier.stock")
public record StockProperties(
        @DefaultValue Source pexels,
        @DefaultValue Source unsplash,
        @DefaultValue("1000") long cacheSize,
        @DefaultValue("1h") Duration cacheFor,
        @DefaultValue("15") int perPage,
        @DefaultValue("10s") Duration timeout) {

    /** @param baseUrl the source's API (a fake in tests); blank: its own */
    public record Source(String apiKey, URI baseUrl) {

        public boolean configured() {
            return apiKey != null && !apiKey.isBlank();
        }

        public URI baseUrlOr(String fallback) {
            String base = baseUrl != null && !baseUrl.toString().isBlank() ? baseUrl.toString() : fallback;
            return URI.create(base.endsWith("/") ? base : base + "/");
        }
    }
}
