package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.accepted;
import static dev.atelier.generation.ScriptedProvider.done;
import static dev.atelier.generation.ScriptedProvider.doneNow;
import static dev.atelier.generation.ScriptedProvider.nothing;
import static dev.atelier.generation.ScriptedProvider.permanentFailure;
import static dev.atelier.generation.ScriptedProvider.running;
import static dev.atelier.generation.ScriptedProvider.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.credits.Credits;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@AtelierTest
@Import(ScriptedProvider.class)
@TestPropertySource(properties = {
        "atelier.scheduler.polling-interval=100ms",
        "atelier.generation.first-poll=100ms",
        "atelier.generation.retry-base=100ms",
        "atelier.generation.retry-max=200ms",
        "atelier.generation.max-attempts=3"})
class GenerationLifecycleTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    Credits credits;

    private String submit(TestUsers.TestUser user, String prompt) {
        Api.Response response = api.post("/api/v1/generations").bearer(user.accessToken())
                .json(Map.of("model", ScriptedProvider.MODEL, "prompt", prompt)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/v1/generations/" + response.json().get("id").asString());
        assertThat(response.json().get("status").asString()).isEqualTo("queued");
        assertThat(response.json().get("cost").get("held").asLong()).isEqualTo(ScriptedProvider.PRICE);
        return response.json().get("id").asString();
    }

    private JsonNode awaitStatus(TestUsers.TestUser user, String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().json(),
                body -> status.equals(body.get("status").asString()));
    }

    private long available(TestUsers.TestUser user) {
        return credits.balance(user.id()).available();
    }

    @Test
    void aProviderJobIsPolledToSuccessAndChargedItsPrice() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "poll to success " + UUID.randomUUID();
        provider.script(prompt, accepted("job-1"), running(30), running(60), done());

        JsonNode body = awaitStatus(user, submit(user, prompt), "succeeded");

        assertThat(body.get("progress").asInt()).isEqualTo(100);
        assertThat(body.get("cost").get("charged").asLong()).isEqualTo(ScriptedProvider.PRICE);
        assertThat(body.get("cost").get("released").asLong()).isZero();
        JsonNode output = body.get("outputs").get(0);
        assertThat(output.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(output.get("width").asInt()).isEqualTo(64);
        assertThat(api.get(output.get("url").asString().replace(api.baseUrl(), "")).send().status()).isEqualTo(200);
        assertThat(available(user)).isEqualTo(100 - ScriptedProvider.PRICE);
        assertThat(credits.balance(user.id()).held()).isZero();
    }

    @Test
    void retryableFailuresAreRetriedThenSucceed() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "flaky " + UUID.randomUUID();
        provider.script(prompt, accepted("job-2"), transientFailure(), transientFailure(), done());

        awaitStatus(user, submit(user, prompt), "succeeded");
    }

    @Test
    void tooManyRetryableFailuresFailTheJobAndReturnTheCredits() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "always busy " + UUID.randomUUID();
        provider.script(prompt, accepted("job-3"), transientFailure(), transientFailure(), transientFailure());

        JsonNode body = awaitStatus(user, submit(user, prompt), "failed");

        assertThat(body.get("error").get("code").asString()).isEqualTo("provider_busy");
        assertThat(body.get("cost").get("released").asLong()).isEqualTo(ScriptedProvider.PRICE);
        assertThat(available(user)).isEqualTo(100);
    }

    @Test
    void aPermanentFailureEndsTheJobAtOnceWithItsReason() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "refused " + UUID.randomUUID();
        provider.script(prompt, accepted("job-4"), permanentFailure());

        JsonNode body = awaitStatus(user, submit(user, prompt), "failed");

        assertThat(body.get("error").get("code").asString()).isEqualTo("content_filtered");
        assertThat(body.get("error").get("message").asString()).isEqualTo("The prompt was refused");
        assertThat(available(user)).isEqualTo(100);
    }

    @Test
    void anEmptyResultIsAFailureNeverASuccess() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "empty " + UUID.randomUUID();
        provider.script(prompt, accepted("job-5"), nothing());

        JsonNode body = awaitStatus(user, submit(user, prompt), "failed");

        assertThat(body.get("error").get("code").asString()).isEqualTo("empty_result");
        assertThat(available(user)).isEqualTo(100);
    }

    @Test
    void anImmediateAnswerSucceedsWithoutPolling() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "instant " + UUID.randomUUID();
        provider.script(prompt, doneNow());

        awaitStatus(user, submit(user, prompt), "succeeded");
    }

    @Test
    void cancelingRunningWorkStopsItAsksTheProviderAndReturnsTheCredits() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "long " + UUID.randomUUID();
        provider.script(prompt, accepted("job-6"), running(10), running(20), running(30), running(40),
                running(50), running(60), running(70), running(80));
        String id = submit(user, prompt);
        awaitStatus(user, id, "running");

        Api.Response canceled = api.post("/api/v1/generations/" + id + "/cancel").bearer(user.accessToken()).send();

        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.json().get("status").asString()).isEqualTo("canceled");
        assertThat(provider.canceled).contains(prompt);
        assertThat(available(user)).isEqualTo(100);
        Api.Response again = api.post("/api/v1/generations/" + id + "/cancel").bearer(user.accessToken()).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("generation_finished");
    }

    @Test
    void workThatFinishedFirstStaysSucceededAndCharged() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "quick " + UUID.randomUUID();
        provider.script(prompt, doneNow());
        String id = submit(user, prompt);
        awaitStatus(user, id, "succeeded");

        Api.Response cancel = api.post("/api/v1/generations/" + id + "/cancel").bearer(user.accessToken()).send();

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(available(user)).isEqualTo(100 - ScriptedProvider.PRICE);
    }

    @Test
    void anotherUsersGenerationIsNotFound() {
        TestUsers.TestUser owner = users.signUp();
        TestUsers.TestUser other = users.signUp();
        String prompt = "mine " + UUID.randomUUID();
        provider.script(prompt, doneNow());
        String id = submit(owner, prompt);

        assertThat(api.get("/api/v1/generations/" + id).bearer(other.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/generations/" + id + "/cancel").bearer(other.accessToken()).send().status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/generations/" + id).bearer(other.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void deletingRemovesTheGenerationAndItsOutputs() {
        TestUsers.TestUser user = users.signUp();
        String prompt = "to delete " + UUID.randomUUID();
        provider.script(prompt, doneNow());
        String id = submit(user, prompt);
        String assetId = awaitStatus(user, id, "succeeded").get("outputs").get(0).get("assetId").asString();

        assertThat(api.delete("/api/v1/generations/" + id).bearer(user.accessToken()).send().status()).isEqualTo(204);

        assertThat(api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/assets/" + assetId).bearer(user.accessToken()).send().status()).isEqualTo(404);
    }
}
