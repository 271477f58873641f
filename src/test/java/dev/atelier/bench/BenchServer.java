package dev.atelier.bench;

import dev.atelier.AtelierApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Atelier on its embedded defaults in a fresh data directory, for benchmarks, with an HTTP client. */
public final class BenchServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final ConfigurableApplicationContext context;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    /** Atelier's data directory (the embedded PostgreSQL's files are under {@code postgres/}). */
    final Path data;

    BenchServer(String... properties) throws IOException {
        this(List.of(), properties);
    }

    /**
     * With {@code beans} (a bench's own provider, say) registered by hand: a class annotated as a
     * component or configuration under {@code dev.atelier} would be picked up by the component
     * scan of every context started outside the test framework, tests included.
     */
    BenchServer(List<Object> beans, String... properties) throws IOException {
        data = Files.createTempDirectory("atelier-bench-");
        String[] all = new String[properties.length + 5];
        all[0] = "atelier.test.isolated=false";
        all[1] = "atelier.data-dir=" + data;
        all[2] = "server.port=0";
        all[3] = "logging.level.root=WARN";
        all[4] = "atelier.accounts.signups-per-address=1000000"; // every bench user signs up from 127.0.0.1
        System.arraycopy(properties, 0, all, 5, properties.length);
        context = new SpringApplicationBuilder(AtelierApplication.class)
                .initializers(app -> beans.forEach(bean -> register((GenericApplicationContext) app, bean)))
                .properties(all).run();
        base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(GenericApplicationContext context, T bean) {
        context.registerBean(bean.getClass().getName(), (Class<T>) bean.getClass(), () -> bean);
    }

    /** Signs up a fresh user and answers its access token and id. */
    String[] signUp() throws Exception {
        JsonNode body = post("/api/v1/auth/signup", null, "{\"email\":\"bench-" + System.nanoTime()
                + "@bench.local\",\"password\":\"bench-password-1\",\"name\":\"Bench\"}");
        return new String[] {body.get("accessToken").asString(), body.get("user").get("id").asString()};
    }

    JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POSTs {@code json}, with more headers as name-value pairs; anything but 2xx throws. */
    JsonNode post(String path, String token, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version();
    }

    @Override
    public void close() {
        context.close();
        // its PostgreSQL has stopped with the context: a bench run left ~200 MB behind each time
        try {
            FileSystemUtils.deleteRecursively(data);
        } catch (IOException e) {
            System.err.println("could not delete " + data + ": " + e.getMessage());
        }
    }
}
