package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AtelierTest
class RefreshTokenTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    private Api.Response refresh(String token) {
        return api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", token)).send();
    }

    @Test
    void eachRefreshReplacesTheToken() {
        TestUsers.TestUser user = users.signUp();

        Api.Response first = refresh(user.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        String next = first.json().get("refreshToken").asString();
        assertThat(next).isNotEqualTo(user.refreshToken());

        Api.Response second = refresh(next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").bearer(second.json().get("accessToken").asString()).send().status())
                .isEqualTo(200);
    }

    @Test
    void reusingAnUsedRefreshTokenRevokesTheWholeChain() {
        TestUsers.TestUser user = users.signUp();
        String legitimate = refresh(user.refreshToken()).json().get("refreshToken").asString();

        Api.Response thief = refresh(user.refreshToken());

        assertThat(thief.status()).isEqualTo(401);
        assertThat(thief.json().get("code").asString()).isEqualTo("refresh_token_reused");
        Api.Response afterwards = refresh(legitimate);
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.json().get("code").asString()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void logoutRevokesTheChainAndIsIdempotent() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.post("/api/v1/auth/logout").json(Map.of("refreshToken", user.refreshToken())).send().status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/logout").json(Map.of("refreshToken", user.refreshToken())).send().status())
                .isEqualTo(204);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void anotherSignInHasItsOwnChain() {
        TestUsers.TestUser user = users.signUp();
        String otherSession = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", TestUsers.PASSWORD)).send()
                .json().get("refreshToken").asString();

        refresh(user.refreshToken());
        refresh(user.refreshToken()); // reuse: revokes the first chain only

        assertThat(refresh(otherSession).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIs401() {
        Api.Response response = refresh("rt_made-up");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_refresh_token");
    }
}
