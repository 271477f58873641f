package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.accepted;
import static dev.atelier.generation.ScriptedProvider.done;
import static dev.atelier.generation.ScriptedProvider.doneNow;
import static dev.atelier.generation.ScriptedProvider.nothing;
import static dev.atelier.generation.ScriptedProvider.permanentFailure;
import static dev.atelier.generation.ScriptedProvider.running;
import static dev.atelier.generation.ScriptedProvider.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.credits.Credits;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@AtelierTest
@Import({ScriptedProvider.class, GenerationsApi.class})
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

    @Autowired
    GenerationsApi generations;

    private String submit(TestUsers.TestUser user, String prompt) {
        return generations.submitted(user, NewGeneration.of(ScriptedProvider.MODEL, prompt));
    }

    private JsonNode awaitStatus(TestUsers.TestUser user, String id, String status) {
        return generations.awaitStatus(user, id, status);
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
    void aRetryThatTakesOverTheClaimOfACommittedSubmitFindsTheSameJob(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        TestUsers.TestUser user = users.signUp();
        String prompt = "submitted once " + UUID.randomUUID();
        provider.script(prompt, doneNow());
        String key = "key-" + UUID.randomUUID();
        NewGeneration request = NewGeneration.of(ScriptedProvider.MODEL, prompt);
        String id = generations.submit(user, request, key).json().get("id").asString();
        awaitStatus(user, id, "succeeded");
        // the node died after the submit committed but before its response was stored
        jdbc.sql("""
                update idempotency_keys set state = 'in_progress', status = null, content_type = null,
                    location = null, body = null, claimed_until = now() - interval '1 minute'
                where key = :key""").param("key", key).update();

        Api.Response retry = generations.submit(user, request, key);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(available(user)).isEqualTo(100 - ScriptedProvider.PRICE);
        assertThat(jdbc.sql("select count(*) from generations where owner_id = :o").param("o", user.id())
                .query(Integer.class).single()).isEqualTo(1);
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
