package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An access token stops working the moment its session ends, not when it expires 15 minutes later. */
@AtelierTest
class SessionRevocationTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    private int me(String token) {
        return api.get("/api/v1/me").bearer(token).send().status();
    }

    @Test
    void logoutRefusesTheSessionsAccessTokenAtOnce() {
        TestUsers.TestUser user = users.signUp();
        assertThat(me(user.accessToken())).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/logout").json(Map.of("refreshToken", user.refreshToken())).send().status())
                .isEqualTo(204);

        Api.Response refused = api.get("/api/v1/me").bearer(user.accessToken()).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("session_revoked");
    }

    @Test
    void aReusedRefreshTokenEndsTheSessionAndItsAccessTokens() {
        TestUsers.TestUser user = users.signUp();
        Api.Response refreshed = refresh(user.refreshToken());
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = refreshed.json().get("accessToken").asString();
        assertThat(me(newAccess)).isEqualTo(200);

        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401); // someone replays the old token

        assertThat(me(newAccess)).isEqualTo(401);
        assertThat(me(user.accessToken())).isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsEverySessionAndStartsANewOne() {
        TestUsers.TestUser user = users.signUp();
        Api.Response otherSignIn = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", TestUsers.PASSWORD)).send();
        String otherAccess = otherSignIn.json().get("accessToken").asString();

        Api.Response changed = api.post("/api/v1/me/password").bearer(user.accessToken())
                .json(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a brand new password")).send();

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(me(user.accessToken())).isEqualTo(401);
        assertThat(me(otherAccess)).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
        assertThat(me(changed.json().get("accessToken").asString())).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login").json(Map.of("email", user.email(), "password", "a brand new password"))
                .send().status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        TestUsers.TestUser user = users.signUp();

        Api.Response refused = api.post("/api/v1/me/password").bearer(user.accessToken())
                .json(Map.of("currentPassword", "not my password", "newPassword", "a brand new password")).send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(me(user.accessToken())).isEqualTo(200);
    }

    @Test
    void anApiKeyCannotChangeThePassword() {
        TestUsers.TestUser user = users.signUp();
        String key = users.apiKey(user, "account:read");

        assertThat(api.post("/api/v1/me/password").bearer(key)
                .json(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a brand new password")).send()
                .status()).isEqualTo(403);
    }

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
    }
}
