package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@AtelierTest
class ApiKeysTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKeyIsShownOnceAndWorksAsABearer() {
        TestUsers.TestUser user = users.signUp();
        Api.Response created = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "ci", "scopes", List.of("generate", "library:read", "account:read"))).send();

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        assertThat(key).startsWith("atl_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(created.json().get("prefix").asString()).isEqualTo(key.substring(0, 12));

        assertThat(api.get("/api/v1/me").bearer(key).send().json().get("id").asString())
                .isEqualTo(user.id().toString());
        JsonNode listed = api.get("/api/v1/api-keys").bearer(user.accessToken()).send().json();
        assertThat(listed.get("data").get(0).has("key")).isFalse();
        assertThat(listed.get("data").get(0).get("lastUsedAt").asString()).isNotBlank();
        assertThat(listed.toString()).doesNotContain(key);
    }

    @Test
    void revokedKeysStopAtOnce() {
        TestUsers.TestUser user = users.signUp();
        Api.Response created = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "ci", "scopes", List.of("generate"))).send();
        String key = created.json().get("key").asString();

        assertThat(api.delete("/api/v1/api-keys/" + created.json().get("id").asString())
                .bearer(user.accessToken()).send().status()).isEqualTo(204);

        Api.Response refused = api.get("/api/v1/me").bearer(key).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("api_key_revoked");
    }

    @Test
    void aRotatedKeyWorksUntilItsGraceEnds() {
        TestUsers.TestUser user = users.signUp();
        Api.Response created = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "ci", "scopes", List.of("generate"))).send();
        String oldKey = created.json().get("key").asString();

        Api.Response rotated = api.post("/api/v1/api-keys/" + created.json().get("id").asString() + "/rotate")
                .bearer(user.accessToken()).json(Map.of("graceSeconds", 3600)).send();
        assertThat(rotated.status()).isEqualTo(201);
        String newKey = rotated.json().get("key").asString();
        assertThat(rotated.json().get("scopes").get(0).asString()).isEqualTo("generate");

        assertThat(api.get("/api/v1/generations").bearer(oldKey).send().status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        Api.Response expired = api.get("/api/v1/generations").bearer(oldKey).send();
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asString()).isEqualTo("api_key_expired");
        assertThat(api.get("/api/v1/generations").bearer(newKey).send().status()).isEqualTo(200);
    }

    @Test
    void graceOutsideZeroToSevenDaysIsRefused() {
        TestUsers.TestUser user = users.signUp();
        String id = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "ci", "scopes", List.of("generate"))).send().json().get("id").asString();

        Api.Response response = api.post("/api/v1/api-keys/" + id + "/rotate").bearer(user.accessToken())
                .json(Map.of("graceSeconds", 8 * 24 * 3600)).unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aKeyPastItsExpiryIsRefused() {
        TestUsers.TestUser user = users.signUp();
        String key = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "ci", "scopes", List.of("generate"),
                        "expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()))
                .send().json().get("key").asString();

        clock.advance(Duration.ofHours(2));

        assertThat(api.get("/api/v1/me").bearer(key).send().json().get("code").asString()).isEqualTo("api_key_expired");
    }

    @Test
    void managingKeysNeedsASignedInUserNotAKey() {
        TestUsers.TestUser user = users.signUp();
        String key = users.apiKey(user, "generate", "library:read", "library:write", "editor", "billing:read");

        Api.Response response = api.post("/api/v1/api-keys").bearer(key)
                .json(Map.of("name", "sneaky", "scopes", List.of("generate"))).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("api_key_not_allowed");
    }

    @Test
    void unknownScopesAndEmptyScopesAreRefused() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "x", "scopes", List.of("root"))).unvalidatedRequest().send().json().get("code").asString())
                .isEqualTo("unknown_scope");
        assertThat(api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "x", "scopes", List.of())).send().status()).isEqualTo(400);
    }

    @Test
    void anotherUsersKeyIsNotFound() {
        TestUsers.TestUser owner = users.signUp();
        TestUsers.TestUser other = users.signUp();
        String id = api.post("/api/v1/api-keys").bearer(owner.accessToken())
                .json(Map.of("name", "ci", "scopes", List.of("generate"))).send().json().get("id").asString();

        assertThat(api.delete("/api/v1/api-keys/" + id).bearer(other.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/api-keys/" + id + "/rotate").bearer(other.accessToken()).json(Map.of()).send()
                .status()).isEqualTo(404);
    }

    @Test
    void madeUpKeysAre401() {
        Api.Response response = api.get("/api/v1/me").bearer("atl_made-up").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_api_key");
    }
}
