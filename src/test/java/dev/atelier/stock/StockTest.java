package dev.atelier.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Stock search and import against fake Pexels and Unsplash answering their documented shapes. */
@AtelierTest
class StockTest {

    static final MockWebServer PEXELS = new MockWebServer();
    static final MockWebServer UNSPLASH = new MockWebServer();
    static final AtomicInteger PEXELS_SEARCHES = new AtomicInteger();

    static {
        try {
            byte[] jpeg = Files.readAllBytes(TestMedia.jpeg());
            PEXELS.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getPath();
                    if (path.equals("/files/original.jpg")) { // the image host: no key goes there
                        return request.getHeader("Authorization") != null ? new MockResponse().setResponseCode(400)
                                : new MockResponse().setHeader("Content-Type", "image/jpeg").setBody(new Buffer().write(jpeg));
                    }
                    if (!"pexels-key".equals(request.getHeader("Authorization"))) {
                        return new MockResponse().setResponseCode(401);
                    }
                    if (path.startsWith("/v1/search?query=busy")) {
                        return new MockResponse().setResponseCode(429).setHeader("Retry-After", "42");
                    }
                    if (path.startsWith("/v1/search")) {
                        PEXELS_SEARCHES.incrementAndGet();
                        return json("{\"total_results\":100,\"page\":1,\"per_page\":15,\"next_page\":\"" + PEXELS.url("/v1/search?page=2")
                                + "\",\"photos\":[" + pexelsPhoto() + "]}");
                    }
                    if (path.equals("/v1/photos/417173")) {
                        return json(pexelsPhoto());
                    }
                    return new MockResponse().setResponseCode(404);
                }
            });
            UNSPLASH.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (!"Client-ID unsplash-key".equals(request.getHeader("Authorization"))) {
                        return new MockResponse().setResponseCode(401);
                    }
                    return json("{\"total\":1,\"total_pages\":1,\"results\":[{\"id\":\"Dwu85P9SOIk\",\"width\":4000,\"height\":3000,"
                            + "\"description\":null,\"alt_description\":\"a mountain lake\",\"urls\":{\"raw\":\"r\",\"full\":\"f\","
                            + "\"regular\":\"g\",\"small\":\"https://images.unsplash.com/small\",\"thumb\":\"t\"},"
                            + "\"user\":{\"name\":\"Ann Example\",\"links\":{\"html\":\"https://unsplash.com/@ann\"}},"
                            + "\"links\":{\"html\":\"https://unsplash.com/photos/Dwu85P9SOIk\",\"download_location\":\"x\"}}]}");
                }
            });
            PEXELS.start();
            UNSPLASH.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pexelsPhoto() {
        return "{\"id\":417173,\"width\":5184,\"height\":3456,\"url\":\"https://www.pexels.com/photo/mountain-417173/\","
                + "\"photographer\":\"Pixabay\",\"photographer_url\":\"https://www.pexels.com/@pixabay\",\"photographer_id\":2659,"
                + "\"avg_color\":\"#978E82\",\"alt\":\"snowy mountain\",\"liked\":false,\"src\":{\"original\":\""
                + PEXELS.url("/files/original.jpg") + "\",\"large2x\":\"l2\",\"large\":\"l\",\"medium\":\"https://images.pexels.com/medium\","
                + "\"small\":\"s\",\"portrait\":\"p\",\"landscape\":\"ls\",\"tiny\":\"t\"}}";
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        registry.add("atelier.stock.pexels.api-key", () -> "pexels-key");
        registry.add("atelier.stock.pexels.base-url", () -> PEXELS.url("/v1/").toString());
        registry.add("atelier.stock.unsplash.api-key", () -> "unsplash-key");
        registry.add("atelier.stock.unsplash.base-url", () -> UNSPLASH.url("/").toString());
    }

    @AfterAll
    static void stop() throws IOException {
        PEXELS.close();
        UNSPLASH.close();
    }

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void resultsFromBothSourcesAreNormalisedWithAttributionAndCached() {
        TestUsers.TestUser user = users.signUp();
        String query = "mountain " + UUID.randomUUID();
        int before = PEXELS_SEARCHES.get();

        Api.Response first = api.get("/api/v1/stock/photos?query=" + query.replace(" ", "+")).bearer(user.accessToken()).send();
        Api.Response again = api.get("/api/v1/stock/photos?query=" + query.replace(" ", "+")).bearer(user.accessToken()).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode data = first.json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("source").asString()).isEqualTo("pexels");
        assertThat(data.get(0).get("attribution").asString()).isEqualTo("Photo by Pixabay on Pexels");
        assertThat(data.get(0).get("pageUrl").asString()).isEqualTo("https://www.pexels.com/photo/mountain-417173/");
        assertThat(data.get(1).get("photographer").asString()).isEqualTo("Ann Example");
        assertThat(data.get(1).get("description").asString()).isEqualTo("a mountain lake");
        assertThat(first.json().get("hasMore").asBoolean()).isTrue();
        assertThat(first.json().get("nextCursor").asString()).isNotBlank();
        assertThat(again.json().get("data")).hasSize(2);
        assertThat(PEXELS_SEARCHES.get() - before).isEqualTo(1);
    }

    @Test
    void anUpstream429IsAnswered429WithRetryAfter() {
        TestUsers.TestUser user = users.signUp();

        Api.Response response = api.get("/api/v1/stock/photos?query=busy").bearer(user.accessToken()).send();

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("42");
        assertThat(response.json().get("code").asString()).isEqualTo("stock_rate_limited");
    }

    @Test
    void aPhotoIsImportedIntoTheLibraryWithItsAttribution() {
        TestUsers.TestUser user = users.signUp();

        Api.Response response = api.post("/api/v1/stock/photos/pexels/417173/import").bearer(user.accessToken()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String assetId = response.json().get("assetId").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/assets/" + assetId);
        assertThat(response.json().get("attribution").asString()).isEqualTo("Photo by Pixabay on Pexels");
        assertThat(api.get("/api/v1/assets/" + assetId).bearer(user.accessToken()).send().json().get("mediaType").asString())
                .isEqualTo("image/jpeg");
        assertThat(jdbc.sql("select photographer from stock_imports where asset_id = cast(:id as uuid)").param("id", assetId)
                .query(String.class).single()).isEqualTo("Pixabay");
    }

    @Test
    void badQueriesAndUnknownSourcesAreRefused() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.get("/api/v1/stock/photos?query=").bearer(user.accessToken()).send().status()).isEqualTo(400);
        assertThat(api.post("/api/v1/stock/photos/flickr/1/import").bearer(user.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stock/photos?query=x").send().status()).isEqualTo(401);
    }
}
