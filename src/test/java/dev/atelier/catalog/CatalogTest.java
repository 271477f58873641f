package dev.atelier.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.ApiException;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AtelierTest
class CatalogTest {

    @Autowired
    Catalog catalog;
    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeededModelsAreOfferedWithTheirParametersAndPrices() {
        JsonNode page = api.get("/api/v1/models?limit=100").bearer(users.signUp().accessToken()).send().json();

        List<String> ids = new ArrayList<>();
        page.get("data").forEach(model -> ids.add(model.get("id").asString()));
        assertThat(ids).containsSubsequence("local/motion", "local/sketch", "local/tune", "local/voice", "render/export")
                .contains("openai/gpt-image-1", "replicate/flux-schnell", "veo/veo-3.1"); // listed even without keys
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        JsonNode motion = page.get("data").get(ids.indexOf("local/motion"));
        assertThat(motion.get("available").asBoolean()).isTrue();
        assertThat(page.get("data").get(ids.indexOf("veo/veo-3.1")).get("available").asBoolean()).isFalse();
        assertThat(motion.get("kind").asString()).isEqualTo("video");
        assertThat(motion.get("price").get("unit").asString()).isEqualTo("per_second");
        assertThat(motion.get("parameters").get(1).get("values").get(1).asString()).isEqualTo("720p");
        assertThat(motion.get("parameters").get(0).get("default").asInt()).isEqualTo(5);
    }

    @Test
    void aQuoteValidatesTheRequestAndPricesItByTheModelsUnit() {
        assertThat(credits(catalog.quote("local/sketch", "a cat", Map.of("width", 512)))).isEqualTo(2);
        assertThat(credits(catalog.quote("local/tune", "a waltz", Map.of()))).isEqualTo(30);
        assertThat(credits(catalog.quote("local/tune", "a waltz", Map.of("durationSeconds", 7)))).isEqualTo(7);
        assertThat(credits(catalog.quote("local/voice", "w".repeat(2500), Map.of()))).isEqualTo(3);
        assertThat(credits(catalog.quote("local/motion", "a river", Map.of("resolution", "720p")))).isEqualTo(10);

        assertThat(catalog.quote("local/sketch", "a cat", Map.of("width", 4096)))
                .isEqualTo(new Quotation.Invalid(List.of(new FieldError("params.width", "must be at most 2048"))));
        assertThat(catalog.quote("local/voice", "w".repeat(5001), Map.of())).isInstanceOf(Quotation.Invalid.class);
    }

    @Test
    void anUnknownModelIsAClearProblem() {
        assertThatThrownBy(() -> catalog.quote("acme/nothing", "x", Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("unknown_model"));
    }

    @Test
    void aPriceChangeAppliesToNewQuotesWhileAStoredPriceKeepsItsCost() {
        TestUsers.TestUser admin = users.admin();
        Quotation.Quote before = (Quotation.Quote) catalog.quote("local/tune", "a waltz", Map.of());
        try {
            Api.Response changed = api.put("/api/v1/admin/models/local/tune").bearer(admin.accessToken())
                    .json(Map.of("price", Map.of("credits", 2))).send();

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().get("price").get("credits").asLong()).isEqualTo(2);
            assertThat(credits(catalog.quote("local/tune", "a waltz", Map.of()))).isEqualTo(60);
            assertThat(before.price().actualCost(before.usage(), before.credits())).isEqualTo(30);
        } finally {
            catalog.change("local/tune", 1L, null, null, admin.id());
        }
    }

    @Test
    void aRowChangedInTheDatabaseReachesTheCatalogItIsKeptIn() {
        long price = catalog.find("local/voice").orElseThrow().price().credits(); // now kept on this node
        try {
            // as an operator in psql or another node would: only the table's trigger tells this node
            jdbc.sql("update catalog_models set price_credits = price_credits + 7 where id = 'local/voice'").update();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> catalog.find("local/voice").orElseThrow().price().credits() == price + 7);
        } finally {
            jdbc.sql("update catalog_models set price_credits = :price where id = 'local/voice'").param("price", price)
                    .update();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> catalog.find("local/voice").orElseThrow().price().credits() == price);
        }
    }

    @Test
    void aPriceChangedThroughTheApiIsTheNextQuotesAtOnce() {
        TestUsers.TestUser admin = users.admin();
        Model before = catalog.find("local/voice").orElseThrow(); // kept on this node
        try {
            catalog.change("local/voice", before.price().credits() + 3, null, null, admin.id());
            assertThat(catalog.find("local/voice").orElseThrow().price().credits()).isEqualTo(before.price().credits() + 3);
        } finally {
            catalog.change("local/voice", before.price().credits(), null, null, admin.id());
        }
    }

    @Test
    void aDisabledModelIsNeitherListedNorQuoted() {
        TestUsers.TestUser admin = users.admin();
        try {
            api.put("/api/v1/admin/models/local/voice").bearer(admin.accessToken()).json(Map.of("enabled", false)).send();

            JsonNode page = api.get("/api/v1/models").bearer(admin.accessToken()).send().json();
            assertThat(page.get("data").findValuesAsString("id")).doesNotContain("local/voice");
            assertThat(api.get("/api/v1/models/local/voice").bearer(admin.accessToken()).send().status()).isEqualTo(404);
            assertThat(api.get("/api/v1/admin/models?limit=100").bearer(admin.accessToken()).send().json().get("data")
                    .findValuesAsString("id")).contains("local/voice");
            assertThatThrownBy(() -> catalog.quote("local/voice", "hello", Map.of()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("model_disabled"));
        } finally {
            catalog.change("local/voice", null, null, true, admin.id());
        }
    }

    @Test
    void badChangesAreProblemsAndOnlyAdminsMayChange() {
        TestUsers.TestUser admin = users.admin();

        Api.Response fraction = api.put("/api/v1/admin/models/local/tune").bearer(admin.accessToken())
                .json(Map.of("price", Map.of("credits", 1.5))).unvalidatedRequest().send();
        Api.Response zero = api.put("/api/v1/admin/models/local/tune").bearer(admin.accessToken())
                .json(Map.of("price", Map.of("minimum", 0))).unvalidatedRequest().send();
        Api.Response unknown = api.put("/api/v1/admin/models/acme/nothing").bearer(admin.accessToken())
                .json(Map.of("enabled", true)).send();
        Api.Response notAdmin = api.put("/api/v1/admin/models/local/tune").bearer(users.signUp().accessToken())
                .json(Map.of("enabled", false)).send();

        assertThat(fraction.json().get("code").asString()).isEqualTo("invalid_price");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(catalog.find("local/tune").orElseThrow().price()).isEqualTo(new PriceRule(PriceUnit.PER_SECOND, 1, 5));
    }

    private static long credits(Quotation quotation) {
        assertThat(quotation).isInstanceOf(Quotation.Quote.class);
        return ((Quotation.Quote) quotation).credits();
    }
}
