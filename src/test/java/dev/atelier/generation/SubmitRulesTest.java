package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.BLOCK;
import static dev.atelier.generation.ScriptedProvider.doneNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.credits.ActiveJobs;
import dev.atelier.credits.Credits;
import dev.atelier.media.TestMedia;
import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What {@code POST /api/v1/generations} accepts and refuses: the catalog's parameter rules and
 * models, the caller's credits, scopes and limits, and idempotent replays. A refusal leaves
 * nothing behind: no generation, no hold.
 */
@GenerationApiTest
class SubmitRulesTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    Credits credits;

    @Autowired
    ActiveJobs activeJobs;

    @Autowired
    JdbcClient jdbc;

    TestUser user;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void signUp() {
        user = users.signUp();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAcceptedSubmissionIs202WithWhereToFollowItAndWhatIsHeld() {
        provider.release = new CountDownLatch(1);
        NewGeneration request = NewGeneration.scripted("accepted");
        // held until looked at: an instant success could capture the hold before the test reads it
        provider.script(request.prompt(), BLOCK, doneNow());

        Api.Response response = generations.submit(user, request);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode body = response.json();
        String id = body.get("id").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/generations/" + id);
        assertThat(body.get("status").asString()).isEqualTo("queued");
        assertThat(body.get("model").asString()).isEqualTo(ScriptedProvider.MODEL);
        assertThat(body.get("kind").asString()).isEqualTo("image");
        assertThat(body.get("cost").get("held").asLong()).isEqualTo(ScriptedProvider.PRICE);
        assertThat(Instant.parse(body.get("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(credits.balance(user.id()).held()).isEqualTo(ScriptedProvider.PRICE);
        provider.release.countDown();
        generations.awaitStatus(user, id, "succeeded");
    }

    @Test
    void parametersOutsideTheCatalogsRulesAre400WithAnErrorPerField() {
        assertFieldErrors(NewGeneration.of("local/sketch", "a cat").with("width", 5000).with("height", 10),
                "params.width", "params.height");
        assertFieldErrors(NewGeneration.of("local/tune", "a tune").with("durationSeconds", 1), "params.durationSeconds");
        assertFieldErrors(NewGeneration.of("local/motion", "a clip").with("resolution", "1080p"), "params.resolution");
        assertFieldErrors(NewGeneration.of("local/sketch", "a cat").with("colour", "red"), "params.colour");

        assertNothingHeldOrStored();
    }

    @Test
    void anUnknownModelIs422() {
        Api.Response response = generations.submit(user, NewGeneration.of("nobody/nothing", "a cat"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("unknown_model");
        assertNothingHeldOrStored();
    }

    @Test
    void aModelAnAdminDisabledIs422UntilEnabledAgain() {
        String model = "test/spare-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                    parameters, price_unit, price_credits, price_minimum, updated_at)
                values (:id, 'image', 'scripted', 'Spare', 'A model to switch off', true, 1000, '[]',
                    'per_output', 1, 1, now())""").param("id", model).update();
        String admin = users.admin().accessToken();

        assertThat(enable(admin, model, false).status()).isEqualTo(200);
        Api.Response refused = generations.submit(user, NewGeneration.of(model, "switched off"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("unknown_model");
        assertNothingHeldOrStored();

        assertThat(enable(admin, model, true).status()).isEqualTo(200);
        NewGeneration again = NewGeneration.of(model, "switched on " + UUID.randomUUID());
        provider.script(again.prompt(), doneNow());
        generations.awaitStatus(user, generations.submitted(user, again), "succeeded");
    }

    @Test
    void tooFewCreditsIs402WithWhatIsRequiredAndAvailableAndHoldsNothing() {
        Api.Response taken = api.post("/api/v1/admin/accounts/" + user.id() + "/credits")
                .bearer(users.admin().accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Map.of("amount", -98, "reason", "leave two credits")).send();
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);

        Api.Response response = generations.submit(user, NewGeneration.scripted("too dear"));

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.json().get("code").asString()).isEqualTo("insufficient_credits");
        assertThat(response.json().get("required").asLong()).isEqualTo(ScriptedProvider.PRICE);
        assertThat(response.json().get("available").asLong()).isEqualTo(2);
        assertNothingHeldOrStored();
        assertThat(credits.balance(user.id()).available()).isEqualTo(2);
    }

    @Test
    void aFifthActiveJobIs429UntilOneEnds() {
        provider.release = new CountDownLatch(1);
        List<String> active = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NewGeneration request = NewGeneration.scripted("busy " + i);
            provider.script(request.prompt(), BLOCK, doneNow());
            active.add(generations.submitted(user, request));
        }

        Api.Response fifth = generations.submit(user, NewGeneration.scripted("one too many"));

        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.json().get("code").asString()).isEqualTo("too_many_active_jobs");
        assertThat(fifth.json().get("limit").asInt()).isEqualTo(4);
        assertThat(fifth.header("Retry-After")).isNotBlank();
        assertThat(credits.balance(user.id()).held()).as("the fifth hold rolled back with its refused slot")
                .isEqualTo(4 * ScriptedProvider.PRICE);
        assertThat(activeJobs.active(user.id())).isEqualTo(4);

        provider.release.countDown();
        active.forEach(id -> generations.awaitStatus(user, id, "succeeded"));
        NewGeneration later = NewGeneration.scripted("room again");
        provider.script(later.prompt(), doneNow());
        generations.awaitStatus(user, generations.submitted(user, later), "succeeded");
    }

    @Test
    void submittingFasterThanTheRateIs429RateLimited() {
        clock.freeze(); // no token comes back between submissions, however slow the machine
        for (int i = 0; i < 30; i++) {
            Api.Response allowed = generations.submit(user, NewGeneration.of("nobody/nothing", "spam " + i));
            assertThat(allowed.status()).as(allowed.toString()).isEqualTo(422);
        }

        Api.Response over = generations.submit(user, NewGeneration.of("nobody/nothing", "one too many"));

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("code").asString()).isEqualTo("rate_limited");
        assertThat(over.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheFirstSubmissionAndHoldsOnce() {
        NewGeneration request = NewGeneration.scripted("once");
        provider.script(request.prompt(), doneNow());
        String key = UUID.randomUUID().toString();

        Api.Response first = submitWithKey(request, key);
        Api.Response again = submitWithKey(request, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        generations.awaitStatus(user, id, "succeeded");
        assertThat(generationsOf(user)).isEqualTo(1);
        assertThat(holdsOf(user)).isEqualTo(1);
        assertThat(credits.balance(user.id()).available()).isEqualTo(100 - ScriptedProvider.PRICE);

        Api.Response reused = submitWithKey(NewGeneration.scripted("another body"), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void anApiKeyNeedsTheGenerateScope() {
        String reader = users.apiKey(user, "library:read");
        String generator = users.apiKey(user, "generate");
        NewGeneration request = NewGeneration.scripted("by key");
        provider.script(request.prompt(), doneNow());

        Api.Response refused = generations.submit(reader, request);
        Api.Response accepted = generations.submit(generator, request);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("missing_scope");
        assertThat(refused.json().get("requiredScope").asString()).isEqualTo("generate");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(generationsOf(user)).isEqualTo(1);
    }

    @Test
    void inputsMustBeTheCallersOwnAssets() {
        TestUser other = users.signUp();
        String theirs = Uploads.upload(api, other.accessToken(), TestMedia.png()).json().get("id").asString();
        String mine = Uploads.upload(api, user.accessToken(), TestMedia.png()).json().get("id").asString();

        Api.Response refused = generations.submit(user, NewGeneration.scripted("borrowed").inputs(theirs));

        assertThat(refused.status()).isEqualTo(404);
        assertNothingHeldOrStored();
        NewGeneration own = NewGeneration.scripted("my own").inputs(mine);
        provider.script(own.prompt(), doneNow());
        JsonNode done = generations.awaitStatus(user, generations.submitted(user, own), "succeeded");
        assertThat(done.get("inputAssetIds").get(0).asString()).isEqualTo(mine);
    }

    private void assertFieldErrors(NewGeneration request, String... fields) {
        Api.Response response = generations.submit(user, request);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("validation_failed");
        List<String> named = new ArrayList<>();
        response.json().get("errors").forEach(error -> {
            assertThat(error.get("message").asString()).isNotBlank();
            named.add(error.get("field").asString());
        });
        assertThat(named).containsExactlyInAnyOrder(fields);
    }

    private void assertNothingHeldOrStored() {
        assertThat(credits.balance(user.id()).held()).isZero();
        assertThat(activeJobs.active(user.id())).as("no job slot taken").isZero();
        assertThat(holdsOf(user)).isZero();
        assertThat(generationsOf(user)).isZero();
    }

    private Api.Response enable(String adminToken, String model, boolean enabled) {
        return api.put("/api/v1/admin/models/" + model).bearer(adminToken).json(Map.of("enabled", enabled)).send();
    }

    private Api.Response submitWithKey(NewGeneration request, String key) {
        return generations.submit(user, request, key);
    }

    private int generationsOf(TestUser owner) {
        return jdbc.sql("select count(*) from generations where owner_id = :owner").param("owner", owner.id())
                .query(Integer.class).single();
    }

    private int holdsOf(TestUser owner) {
        return jdbc.sql("select count(*) from credit_holds where user_id = :owner").param("owner", owner.id())
                .query(Integer.class).single();
    }
}
