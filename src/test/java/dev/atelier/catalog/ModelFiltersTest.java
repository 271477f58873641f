package dev.atelier.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@AtelierTest
class ModelFiltersTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;

    @Test
    void theKindFilterListsModelsOfThatKindOnly() {
        TestUser user = users.signUp();

        JsonNode videos = api.get("/api/v1/models?kind=video").bearer(user.accessToken()).send().json();
        JsonNode all = api.get("/api/v1/models").bearer(user.accessToken()).send().json();

        assertThat(videos.get("data").size()).isPositive().isLessThan(all.get("data").size());
        videos.get("data").forEach(model -> assertThat(model.get("kind").asString()).isEqualTo("video"));
    }

    @Test
    void anUnknownKindIsABadRequest() {
        TestUser user = users.signUp();

        Api.Response response = api.get("/api/v1/models?kind=banana").bearer(user.accessToken())
                .unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_parameter");
        assertThat(response.json().get("parameter").asString()).isEqualTo("kind");
    }
}
