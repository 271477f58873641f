package dev.atelier.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.AtelierApplication;
import dev.atelier.test.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A delivery waiting for its retry when its node stops is delivered by the next node on the same database. */
class DeliveryRestartTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private final String database = TestDatabase.newDatabase();

    @Test
    void aRestartMidRetryLosesNoDelivery() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(503);
            String token;
            String endpoint;
            String delivery;
            try (ConfigurableApplicationContext first = start()) {
                JsonNode account = call(first, "POST", "/api/v1/auth/signup", null, Map.of("email",
                        "hooks-" + UUID.randomUUID() + "@test.atelier", "password", "correct horse battery", "name", "H"));
                token = account.get("accessToken").asString();
                endpoint = call(first, "POST", "/api/v1/webhook-endpoints", token,
                        Map.of("url", receiver.url("/hook"), "events", List.of("generation.failed"))).get("id").asString();
                delivery = call(first, "POST", "/api/v1/webhook-endpoints/" + endpoint + "/test", token, null)
                        .get("id").asString();
                String path = "/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + delivery;
                JsonNode failed = await().atMost(Receiver.patience())
                        .until(() -> call(first, "GET", path, token, null), d -> d.get("attempt").asInt() == 1);
                assertThat(failed.get("status").asString()).isEqualTo("pending");
                assertThat(failed.get("responseStatus").asInt()).isEqualTo(503);
            }
            assertThat(receiver.received).hasSize(1);

            try (ConfigurableApplicationContext second = start()) {
                String path = "/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + delivery;
                JsonNode done = await().atMost(Receiver.patience())
                        .until(() -> call(second, "GET", path, token, null), d -> d.get("status").asString().equals("succeeded"));
                assertThat(done.get("attempt").asInt()).isEqualTo(2);
                assertThat(receiver.received).hasSize(2);
                assertThat(receiver.received.get(1).header("webhook-id")).isEqualTo(receiver.received.get(0).header("webhook-id"));
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AtelierApplication.class)
                .properties("atelier.test.isolated=false", "atelier.database.url=" + database,
                        "atelier.database.username=postgres", "atelier.database.password=",
                        "atelier.data-dir=" + dataDir, "server.port=0", "atelier.scheduler.shutdown-wait=1s",
                        "atelier.webhooks.allow-private-addresses=true", "atelier.webhooks.require-https=false",
                        // the retry must come due after the first node has stopped: with 2 s, a full run's
                        // load once let the closing first node send it itself (two requests before the restart)
                        "atelier.webhooks.first-retry=6s", "atelier.webhooks.polling-interval=200ms")
                .run();
    }

    private static JsonNode call(ConfigurableApplicationContext node, String method, String path, String token,
            Object body) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as(method + " " + path + " " + response.body()).isEqualTo(2);
        return JSON.readTree(response.body());
    }
}
