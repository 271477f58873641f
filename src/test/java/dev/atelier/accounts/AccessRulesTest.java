package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@AtelierTest
@Import(AccessRulesTest.Endpoints.class)
class AccessRulesTest {

    @TestComponent
    @RestController
    static class Endpoints {
        @GetMapping("/api/v1/test/generate")
        @RequiresScope(Scope.GENERATE)
        Map<String, String> generate() {
            return Map.of("ok", "yes");
        }

        @GetMapping("/api/v1/test/admin")
        @AdminOnly
        Map<String, String> admin() {
            return Map.of("ok", "yes");
        }
    }

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void aKeyWithoutTheScopeGets403MissingScope() {
        TestUsers.TestUser user = users.signUp();
        String reader = users.apiKey(user, "library:read");

        Api.Response response = api.get("/api/v1/test/generate").bearer(reader).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("missing_scope");
        assertThat(response.json().get("requiredScope").asString()).isEqualTo("generate");
    }

    @Test
    void aKeyWithTheScopeAndASignedInUserPass() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.get("/api/v1/test/generate").bearer(users.apiKey(user, "generate")).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/test/generate").bearer(user.accessToken()).send().status()).isEqualTo(200);
    }

    @Test
    void adminEndpointsRefuseUsersAndAdminKeys() {
        TestUsers.TestUser admin = users.admin();
        TestUsers.TestUser user = users.signUp();

        assertThat(api.get("/api/v1/test/admin").bearer(admin.accessToken()).send().status()).isEqualTo(200);
        Api.Response asUser = api.get("/api/v1/test/admin").bearer(user.accessToken()).send();
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().get("code").asString()).isEqualTo("admin_only");
        String adminKey = users.apiKey(admin, "generate", "library:read", "library:write", "editor", "billing:read");
        assertThat(api.get("/api/v1/test/admin").bearer(adminKey).send().status()).isEqualTo(403);
    }

    @Test
    void otherSchemesThanBearerAre401() {
        Api.Response response = api.get("/api/v1/me").header("Authorization", "Basic YTpi").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_token");
    }
}
