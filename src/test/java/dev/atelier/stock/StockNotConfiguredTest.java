package dev.atelier.stock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AtelierTest
class StockNotConfiguredTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void withoutAKeySearchAndImportAre503() {
        TestUsers.TestUser user = users.signUp();

        Api.Response search = api.get("/api/v1/stock/photos?query=cat").bearer(user.accessToken()).send();
        Api.Response importing = api.post("/api/v1/stock/photos/pexels/1/import").bearer(user.accessToken()).send();

        assertThat(search.status()).isEqualTo(503);
        assertThat(search.json().get("code").asString()).isEqualTo("stock_not_configured");
        assertThat(importing.status()).isEqualTo(503);
    }
}
