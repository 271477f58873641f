package dev.atelier.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The price of a request before it is submitted: the same rules and sum as a submit, no money moved. */
@AtelierTest
class QuoteTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void aQuoteIsWhatASubmitHoldsAndMovesNoCredits() {
        TestUsers.TestUser user = users.signUp();
        Map<String, Object> request = Map.of("prompt", "a calm morning", "params", Map.of("durationSeconds", 12));

        Api.Response quote = api.post("/api/v1/models/local/tune/quote").bearer(user.accessToken()).json(request).send();

        assertThat(quote.status()).isEqualTo(200);
        long credits = quote.json().get("credits").asLong();
        assertThat(quote.json().get("params").get("durationSeconds").asInt()).isEqualTo(12);
        assertThat(api.get("/api/v1/credits").bearer(user.accessToken()).send().json().get("available").asLong())
                .isEqualTo(100);
        Api.Response submitted = api.post("/api/v1/generations").bearer(user.accessToken())
                .json(Map.of("model", "local/tune", "prompt", "a calm morning", "params", Map.of("durationSeconds", 12)))
                .send();
        assertThat(submitted.json().get("cost").get("held").asLong()).isEqualTo(credits);
    }

    @Test
    void aParameterOutsideTheModelsRulesIsAFieldError() {
        TestUsers.TestUser user = users.signUp();

        Api.Response quote = api.post("/api/v1/models/local/sketch/quote").bearer(user.accessToken())
                .json(Map.of("prompt", "x", "params", Map.of("width", 100000))).send();

        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.json().get("code").asString()).isEqualTo("validation_failed");
        assertThat(quote.json().get("errors").toString()).contains("params.width");
    }

    @Test
    void anUnknownModelIsNotFoundAndAQuoteNeedsACaller() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.post("/api/v1/models/local/nothing/quote").bearer(user.accessToken())
                .json(Map.of("prompt", "x")).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/models/local/sketch/quote").json(Map.of("prompt", "x"))
                .unvalidatedRequest().send().status()).isEqualTo(401);
    }
}
