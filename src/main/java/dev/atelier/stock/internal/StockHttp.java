package dev.atelier.stock.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON GETs to a stock source; its errors become {@link StockSource.Upstream}, its key never leaves. */
final class StockHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String source;
    private final URI base;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Clock clock;

    StockHttp(String source, URI base, Map<String, String> headers, Duration timeout, Clock clock) {
        this.clock = clock;
        this.source = source;
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
    }

    JsonNode get(String path) throws StockSource.Upstream {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET()
                .header("Accept", "application/json");
        if ("http".equals(base.getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 429) {
                throw new StockSource.Upstream(429, retryAfter(response, clock.instant()), source + " is rate limiting Atelier");
            }
            if (status / 100 != 2) {
                throw new StockSource.Upstream(status == 404 ? 404 : 502, 0, source + " answered HTTP " + status);
            }
            return JSON.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && !(r instanceof tools.jackson.core.JacksonException)) {
                throw r;
            }
            throw new StockSource.Upstream(502, 0, source + " could not be reached or answered nonsense");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StockSource.Upstream(503, 1, "interrupted");
        }
    }

    /** {@code Retry-After}, else {@code X-Ratelimit-Reset} (epoch seconds), else a minute. */
    private static long retryAfter(HttpResponse<?> response, Instant now) {
        try {
            var after = response.headers().firstValue("retry-after");
            if (after.isPresent()) {
                return Math.max(1, Long.parseLong(after.get().strip()));
            }
            var reset = response.headers().firstValue("x-ratelimit-reset");
            if (reset.isPresent()) {
                return Math.max(1, Long.parseLong(reset.get().strip()) - now.getEpochSecond());
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        return 60;
    }
}
