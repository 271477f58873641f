package dev.atelier.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/** The webhook endpoints API as a client uses it, and checks of what a receiver got. */
@TestComponent
public class WebhookClient {

    private final Api api;

    WebhookClient(Api api) {
        this.api = api;
    }

    public record Created(String id, String secret, JsonNode body) {
    }

    public Created create(TestUser user, String url, String... events) {
        Api.Response response = api.post("/api/v1/webhook-endpoints").bearer(user.accessToken())
                .json(Map.of("url", url, "events", List.of(events), "description", "test endpoint")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        return new Created(body.get("id").asString(), body.get("secret").asString(), body);
    }

    public JsonNode endpoint(TestUser user, String id) {
        Api.Response response = api.get("/api/v1/webhook-endpoints/" + id).bearer(user.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public JsonNode sendTest(TestUser user, String endpointId) {
        Api.Response response = api.post("/api/v1/webhook-endpoints/" + endpointId + "/test")
                .bearer(user.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json();
    }

    public JsonNode deliveries(TestUser user, String endpointId) {
        Api.Response response = api.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries")
                .bearer(user.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("data");
    }

    public JsonNode delivery(TestUser user, String endpointId, String deliveryId) {
        Api.Response response = api.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries/" + deliveryId)
                .bearer(user.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the delivery matches {@code condition}. */
    public JsonNode awaitDelivery(TestUser user, String endpointId, String deliveryId, Predicate<JsonNode> condition) {
        return await().atMost(Receiver.patience()).pollInterval(Duration.ofMillis(50))
                .until(() -> delivery(user, endpointId, deliveryId), condition);
    }

    public static JsonNode json(Receiver.Received received) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(received.body());
    }

    /** The Standard Webhooks check a receiver makes, with its secret, at the time it was sent. */
    public static boolean verifies(Receiver.Received received, String secret) {
        return StandardWebhooks.verify(List.of(StandardWebhooks.keyOf(secret)), received.header("webhook-id"),
                received.header("webhook-timestamp"), received.header("webhook-signature"), received.body(),
                Instant.ofEpochSecond(Long.parseLong(received.header("webhook-timestamp"))),
                StandardWebhooks.DEFAULT_TOLERANCE).valid();
    }

    public static String text(Receiver.Received received) {
        return new String(received.body(), StandardCharsets.UTF_8);
    }
}
