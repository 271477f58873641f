package dev.atelier.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** With the default settings, deliveries never reach private addresses, whatever the URL says. */
@AtelierTest
@Import(WebhookClient.class)
class WebhookAddressesTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    WebhookClient webhooks;

    @Test
    void aNameThatResolvesToLoopbackIsRefusedWhenConnecting() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            // accepted when created (names are judged when resolved), refused when delivered
            WebhookClient.Created endpoint = webhooks.create(user, "https://localhost:" + receiver.port() + "/hook",
                    "generation.failed");
            String delivery = webhooks.sendTest(user, endpoint.id()).get("id").asString();

            JsonNode attempted = webhooks.awaitDelivery(user, endpoint.id(), delivery, d -> d.get("attempt").asInt() == 1);
            assertThat(attempted.get("error").asString()).startsWith("address_refused: localhost resolves to");
            assertThat(attempted.has("responseStatus")).isFalse();
            assertThat(attempted.get("status").asString()).isEqualTo("pending");
            org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(receiver.received::isEmpty);
        }
    }

    @Test
    void privateAddressLiteralsAndPlainHttpAreRefusedWhenCreated() {
        TestUser user = users.signUp();
        for (String url : List.of("https://127.0.0.1/hook", "https://[::1]/hook", "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.8/x", "https://100.64.1.1/x", "https://[fd00:ec2::254]/x", "https://224.0.0.1/x",
                "http://hooks.example.com/x")) {
            Api.Response response = api.post("/api/v1/webhook-endpoints").bearer(user.accessToken())
                    .json(Map.of("url", url, "events", List.of("generation.failed"))).send();
            assertThat(response.status()).as(url + " " + response).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_webhook_url");
        }
    }
}
