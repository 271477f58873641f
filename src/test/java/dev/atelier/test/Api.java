package dev.atelier.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real HTTP calls to the application under test. Every call is judged against the published API
 * description ({@link ApiContract}): a request it does not allow or a response it does not describe
 * fails the test. A test that sends an invalid request on purpose says so with
 * {@link Call#unvalidatedRequest()}; its response is still judged.
 */
@TestComponent
public class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Environment environment;
    private final ObjectMapper json;
    private volatile ApiContract contract;

    Api(Environment environment, ObjectMapper json) {
        this.environment = environment;
        this.json = json;
    }

    /** An Api for an Atelier running elsewhere (another process) on {@code port} of this machine. */
    public static Api forPort(int port) {
        return new Api(new org.springframework.mock.env.MockEnvironment()
                .withProperty("local.server.port", Integer.toString(port)), tools.jackson.databind.json.JsonMapper.builder().build());
    }

    /** The published description, fetched once per application context (outside the judge). */
    private ApiContract contract() {
        ApiContract current = contract;
        if (current == null) {
            synchronized (this) {
                if (contract == null) {
                    HttpResponse<byte[]> docs = exchange(HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs"))
                            .timeout(Duration.ofSeconds(60)).GET().build());
                    if (docs.statusCode() != 200) {
                        throw new IllegalStateException("/v3/api-docs answered " + docs.statusCode());
                    }
                    contract = new ApiContract(new String(docs.body(), StandardCharsets.UTF_8), json);
                }
                current = contract;
            }
        }
        return current;
    }

    private static HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
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
        private byte[] bodyBytes;
        private boolean judgeRequest = true;

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
            bodyBytes = text.getBytes(StandardCharsets.UTF_8);
            body = HttpRequest.BodyPublishers.ofByteArray(bodyBytes);
            return this;
        }

        public Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            header("Content-Type", contentType);
            body = publisher;
            bodyBytes = BodyBytes.of(publisher);
            return this;
        }

        /**
         * The escape hatch for a test that sends, on purpose, a request the API description forbids
         * (a missing credential, a limit of 0, a wrong content type): the request is not judged, the
         * response still is (when the description has the operation) and an error must still be a
         * problem document. Use it for nothing else.
         */
        public Call unvalidatedRequest() {
            judgeRequest = false;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            if (!headers.isEmpty()) {
                request.headers(headers.toArray(String[]::new));
            }
            ApiContract judge = contract();
            HttpResponse<byte[]> response = exchange(request.build());
            List<String> differences = judge.judge(method, path, headers, bodyBytes, judgeRequest, response);
            if (!differences.isEmpty()) {
                throw new AssertionError("The exchange " + method + " " + path + " -> " + response.statusCode()
                        + " differs from /v3/api-docs:\n" + String.join("\n", differences) + "\nResponse body: "
                        + abbreviated(new String(response.body(), StandardCharsets.UTF_8)));
            }
            return new Response(response, json);
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
