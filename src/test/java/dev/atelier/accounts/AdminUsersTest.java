package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@AtelierTest
class AdminUsersTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void disablingAnAccountStopsItsTokensKeysAndRefreshAtOnce() {
        TestUsers.TestUser admin = users.admin();
        TestUsers.TestUser user = users.signUp();
        String key = users.apiKey(user, "generate");

        Api.Response patched = api.patch("/api/v1/admin/users/" + user.id()).bearer(admin.accessToken())
                .json(Map.of("disabled", true)).send();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("disabled").asBoolean()).isTrue();

        for (String credential : new String[] {user.accessToken(), key}) {
            Api.Response refused = api.get("/api/v1/me").bearer(credential).send();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asString()).isEqualTo("account_disabled");
        }
        Api.Response refresh = api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", user.refreshToken())).send();
        assertThat(refresh.json().get("code").asString()).isEqualTo("account_disabled");
        Api.Response login = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", TestUsers.PASSWORD)).send();
        assertThat(login.json().get("code").asString()).isEqualTo("account_disabled");

        api.patch("/api/v1/admin/users/" + user.id()).bearer(admin.accessToken()).json(Map.of("disabled", false)).send();
        // the refresh tried while disabled ended that session; once enabled again the user signs in anew
        assertThat(api.get("/api/v1/me").bearer(user.accessToken()).send().status()).isEqualTo(401);
        Api.Response again = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", TestUsers.PASSWORD)).send();
        assertThat(api.get("/api/v1/me").bearer(again.json().get("accessToken").asString()).send().status())
                .isEqualTo(200);
    }

    @Test
    void promotionTakesEffectOnTheNextRequest() {
        TestUsers.TestUser admin = users.admin();
        TestUsers.TestUser user = users.signUp();

        api.patch("/api/v1/admin/users/" + user.id()).bearer(admin.accessToken()).json(Map.of("role", "admin")).send();

        assertThat(api.get("/api/v1/admin/users").bearer(user.accessToken()).send().status()).isEqualTo(200);
    }

    @Test
    void usersCanBeListedByCursorAndFilteredByEmail() {
        TestUsers.TestUser admin = users.admin();
        String marker = "pager" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            users.signUp(marker + i + "@test.atelier");
        }

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/admin/users?limit=2&email=" + marker.toUpperCase()
                    + (cursor == null ? "" : "&cursor=" + cursor)).bearer(admin.accessToken()).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode body = page.json();
            body.get("data").forEach(user -> seen.add(user.get("email").asString()));
            cursor = body.get("hasMore").asBoolean() ? body.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(5).allMatch(email -> email.startsWith(marker));
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aForgedCursorIsA400() {
        TestUsers.TestUser admin = users.admin();
        Api.Response response = api.get("/api/v1/admin/users?cursor=abc.def").bearer(admin.accessToken()).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_cursor");

        assertThat(api.get("/api/v1/admin/users?limit=101").bearer(admin.accessToken()).unvalidatedRequest().send().status()).isEqualTo(400);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        TestUsers.TestUser admin = users.admin();

        Api.Response response = api.patch("/api/v1/admin/users/" + admin.id()).bearer(admin.accessToken())
                .json(Map.of("disabled", true)).send();

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void unknownUserIs404() {
        TestUsers.TestUser admin = users.admin();
        assertThat(api.patch("/api/v1/admin/users/" + java.util.UUID.randomUUID()).bearer(admin.accessToken())
                .json(Map.of("disabled", true)).send().status()).isEqualTo(404);
    }
}
