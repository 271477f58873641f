package dev.atelier.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.media.Assets;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the API says about generations, and that it does it: filters, cancel's problem, delete. */
@AtelierTest
class GenerationContractTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    Assets assets;

    @Test
    void cancellingAFinishedGenerationNamesItsStateWithoutASecondStatusMember() {
        TestUser user = users.signUp();
        String id = finished(user);

        Api.Response response = api.post("/api/v1/generations/" + id + "/cancel").bearer(user.accessToken()).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(Pattern.compile("\"status\"").matcher(response.text()).results().count()).isEqualTo(1);
        assertThat(response.json().get("status").asInt()).isEqualTo(409);
        assertThat(response.json().get("generationStatus").asString()).isEqualTo("succeeded");
    }

    @Test
    void anUnknownKindOrStatusFilterIsABadRequestLikeTheLibrarys() {
        TestUser user = users.signUp();
        for (String query : new String[] {"kind=banana", "status=done"}) {
            Api.Response response = api.get("/api/v1/generations?" + query).bearer(user.accessToken())
                    .unvalidatedRequest().send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_parameter");
            assertThat(response.json().get("parameter").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        Api.Response assets = api.get("/api/v1/assets?kind=banana").bearer(user.accessToken()).unvalidatedRequest()
                .send();
        assertThat(assets.status()).isEqualTo(400);
        assertThat(assets.json().get("code").asString()).isEqualTo("invalid_parameter");
    }

    @Test
    void aKindFilterFindsThatKindOnly() {
        TestUser user = users.signUp();
        finished(user);

        assertThat(api.get("/api/v1/generations?kind=image").bearer(user.accessToken()).send().json()
                .get("data").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/generations?kind=video").bearer(user.accessToken()).send().json()
                .get("data").size()).isZero();
    }

    @Test
    void deletingAGenerationDeletesItsOutputsFromTheLibrary() {
        TestUser user = users.signUp();
        String id = finished(user);
        String output = outputOf(user, id);

        assertThat(api.delete("/api/v1/generations/" + id).bearer(user.accessToken()).send().status()).isEqualTo(204);

        assertThat(api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/assets/" + output).bearer(user.accessToken()).send().status()).isEqualTo(404);
    }

    @Test
    void deletingAGenerationWhoseOutputIsInUseDeletesNothing() {
        TestUser user = users.signUp();
        String id = finished(user);
        String output = outputOf(user, id);
        assets.pin(UUID.fromString(output), "project:" + UUID.randomUUID());

        Api.Response response = api.delete("/api/v1/generations/" + id).bearer(user.accessToken()).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("asset_in_use");
        assertThat(response.json().get("assetId").asString()).isEqualTo(output);
        assertThat(api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/assets/" + output).bearer(user.accessToken()).send().status()).isEqualTo(200);
    }

    private String finished(TestUser user) {
        Api.Response submitted = api.post("/api/v1/generations").bearer(user.accessToken())
                .json(Map.of("model", "local/sketch", "prompt", "a lighthouse " + UUID.randomUUID())).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = submitted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> "succeeded".equals(
                api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().json().path("status")
                        .asString()));
        return id;
    }

    private String outputOf(TestUser user, String id) {
        JsonNode generation = api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send().json();
        return generation.get("outputs").get(0).get("assetId").asString();
    }
}
