package dev.atelier.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Real HTTP calls to the application under test. */
@TestComponent
public class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Environment environment;
    private final ObjectMapper json;

    Api(Environment environment, ObjectMapper json) {
        this.environment = environment;
        this.json = json;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public final class Call {
        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call json(Object value) {
            return raw("application/json", value instanceof String text ? text : json.writeValueAsString(value));
        }

        public Call raw(String contentType, String text) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            header("Content-Type", contentType);
            body = publisher;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            if (!headers.isEmpty()) {
                request.headers(headers.toArray(String[]::new));
            }
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Response(response, json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(HttpResponse<byte[]> raw, ObjectMapper mapper) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return raw.body();
        }

        public JsonNode json() {
            return mapper.readTree(raw.body());
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
