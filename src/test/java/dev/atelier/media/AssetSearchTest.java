package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The library's search: names containing the words, in any case, combined with the filters and pages. */
@AtelierTest
class AssetSearchTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void assetsAreFoundByAPartOfTheirNameInAnyCaseAndPagedWithinTheSearch() {
        TestUsers.TestUser user = users.signUp();
        java.nio.file.Path png = TestMedia.png(16, 16);
        for (String name : List.of("Harbour-1.png", "harbour-2.png", "HARBOUR-3.png", "lighthouse.png")) {
            assertThat(Uploads.upload(api, user.accessToken(), name, png).status()).isEqualTo(201);
        }

        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/assets?q=arbou&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .bearer(user.accessToken()).send();
            page.json().get("data").forEach(asset -> names.add(asset.get("name").asString()));
            cursor = page.json().get("hasMore").asBoolean() ? page.json().get("nextCursor").asString() : null;
        } while (cursor != null);

        assertThat(names).containsExactlyInAnyOrder("Harbour-1.png", "harbour-2.png", "HARBOUR-3.png");
        assertThat(api.get("/api/v1/assets?q=arbou&kind=audio").bearer(user.accessToken()).send().json().get("data"))
                .isEmpty();
        assertThat(api.get("/api/v1/assets?q=%25").bearer(user.accessToken()).send().json().get("data"))
                .isEmpty(); // a % is a character here, not a wildcard
    }
}
