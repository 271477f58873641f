package dev.atelier.webhooks;

import static dev.atelier.generation.ScriptedProvider.doneNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.generation.GenerationsApi;
import dev.atelier.generation.NewGeneration;
import dev.atelier.generation.ScriptedProvider;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A thousand events for a receiver that never answers in time occupy the delivery workers, and
 * only them: generations keep running at their usual pace.
 */
@AtelierTest
@Import({ScriptedProvider.class, GenerationsApi.class, WebhookClient.class})
@TestPropertySource(properties = {
        "atelier.webhooks.allow-private-addresses=true",
        "atelier.webhooks.require-https=false",
        "atelier.webhooks.workers=4",
        "atelier.webhooks.polling-interval=100ms",
        "atelier.scheduler.polling-interval=100ms"})
class SlowReceiverTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    WebhookClient webhooks;

    @Autowired
    Webhooks intake;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThousandEventsToASlowReceiverDoNotSlowJobProcessing() {
        TestUser user = users.signUp();
        try (Receiver receiver = Receiver.start()) {
            receiver.holdRequests();
            WebhookClient.Created endpoint = webhooks.create(user, receiver.url("/slow"), "generation.failed");
            transactions.executeWithoutResult(tx -> {
                for (int i = 0; i < 1000; i++) {
                    intake.record(WebhookEventTypes.GENERATION_FAILED, user.id(), "slow-" + i, Map.of("n", i));
                }
            });
            await().atMost(Receiver.patience()).until(() -> receiver.received.size() == 4);

            long started = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String prompt = "while deliveries wait " + i + " " + UUID.randomUUID();
                provider.script(prompt, doneNow());
                ids.add(generations.submitted(user, NewGeneration.of(ScriptedProvider.MODEL, prompt)));
                if (ids.size() % 4 == 0) { // a user has at most 4 jobs active at once: let these end first
                    ids.forEach(id -> generations.awaitStatus(user, id, "succeeded"));
                }
            }
            for (String id : ids) {
                generations.awaitStatus(user, id, "succeeded");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("10 jobs while 1,000 deliveries wait").isLessThan(Duration.ofSeconds(10));
            assertThat(receiver.maxInFlight.get()).as("deliveries in flight at once").isEqualTo(4);
            assertThat(pending(endpoint.id())).isGreaterThanOrEqualTo(990);

            // the deliveries go with their endpoint: nothing keeps retrying after the test
            assertThat(api.delete("/api/v1/webhook-endpoints/" + endpoint.id()).bearer(user.accessToken()).send()
                    .status()).isEqualTo(204);
        }
    }

    private long pending(String endpoint) {
        return jdbc.sql("select count(*) from webhook_deliveries where endpoint_id = :id and status = 'pending'")
                .param("id", UUID.fromString(endpoint)).query(Long.class).single();
    }
}
