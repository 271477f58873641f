package dev.atelier.platform;

import static dev.atelier.media.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.generation.GenerationsApi;
import dev.atelier.generation.NewGeneration;
import dev.atelier.media.TestMedia;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** What an operator scrapes from a node (docs/operations.md): queues, jobs, providers, money, uploads. */
@AtelierTest
@Import(GenerationsApi.class)
class NodeMetricsTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    GenerationsApi generations;

    @Test
    void aNodeShowsItsQueuesJobsProviderCallsCreditsAndUploads() {
        TestUsers.TestUser user = users.signUp();
        assertThat(upload(api, user.accessToken(), TestMedia.png()).status()).isEqualTo(201);
        String id = generations.submitted(user, NewGeneration.of("local/sketch", "a lighthouse for the metrics"));
        generations.awaitStatus(user, id, "succeeded");

        String admin = users.admin().accessToken();
        System.gc(); // Micrometer holds gauge objects weakly: a gauge whose snapshot was collected reads NaN
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus").bearer(admin).send().text();
            assertThat(metrics)
                    .containsPattern(line("atelier_queue_due", "task=\"run-generation\""))
                    .containsPattern(line("atelier_queue_running", "task=\"run-export\""))
                    .containsPattern(line("atelier_queue_oldest_due_age_seconds", "task=\"webhook-delivery\""))
                    .containsPattern(line("atelier_generation_started_total", "model=\"local/sketch\""))
                    .containsPattern(line("atelier_generation_finished_total", "model=\"local/sketch\",outcome=\"succeeded\""))
                    .containsPattern(line("atelier_generation_duration_seconds_bucket", "model=\"local/sketch\""))
                    .containsPattern(line("atelier_generation_wait_seconds_count", "model=\"local/sketch\""))
                    .containsPattern(line("atelier_generation_provider_calls_seconds_count",
                            "operation=\"submit\",outcome=\"completed\",provider=\"local\""))
                    .containsPattern(Pattern.compile("(?m)^atelier_credits_held "))
                    .containsPattern(Pattern.compile("(?m)^atelier_credits_holds_oldest_age_seconds "))
                    .containsPattern(Pattern.compile("(?m)^atelier_credits_captured_total [1-9]"))
                    .containsPattern(line("atelier_media_uploads_bytes_count", "kind=\"image\""))
                    .containsPattern(Pattern.compile("(?m)^atelier_media_stored_bytes [1-9]"));
        });
    }

    @Test
    void metricsAreForAdminsAndHealthForEveryone() {
        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").bearer(users.signUp().accessToken()).send().status()).isEqualTo(403);
        assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    private static Pattern line(String name, String tags) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(tags) + "[^}]*} ");
    }
}
