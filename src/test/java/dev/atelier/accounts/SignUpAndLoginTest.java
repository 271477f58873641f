package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@AtelierTest
class SignUpAndLoginTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void signUpAnswersATokenPairThatOpensMe() {
        String email = TestUsers.uniqueEmail();
        Api.Response signUp = api.post("/api/v1/auth/signup")
                .json(Map.of("email", "  " + email.toUpperCase() + " ", "password", TestUsers.PASSWORD, "name", "Ada"))
                .send();

        assertThat(signUp.status()).isEqualTo(201);
        JsonNode body = signUp.json();
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("refreshToken").asString()).startsWith("rt_");
        assertThat(body.get("user").get("email").asString()).isEqualTo(email);

        JsonNode me = api.get("/api/v1/me").bearer(body.get("accessToken").asString()).send().json();
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("name").asString()).isEqualTo("Ada");
        assertThat(me.get("role").asString()).isEqualTo("user");
        assertThat(me.get("createdAt").asString()).isNotBlank();
    }

    @Test
    void emailsAreComparedCaseInsensitively() {
        String email = TestUsers.uniqueEmail();
        users.signUp(email);

        Api.Response again = api.post("/api/v1/auth/signup")
                .json(Map.of("email", email.toUpperCase(), "password", TestUsers.PASSWORD, "name", "Twin")).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("email_taken");

        Api.Response login = api.post("/api/v1/auth/login")
                .json(Map.of("email", " " + email.toUpperCase(), "password", TestUsers.PASSWORD)).send();
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void passwordsOutsideTenTo128CharactersAreRefusedWithFieldErrors() {
        for (String password : new String[] {"short", "x".repeat(129)}) {
            Api.Response response = api.post("/api/v1/auth/signup")
                    .json(Map.of("email", TestUsers.uniqueEmail(), "password", password, "name", "N"))
                    .unvalidatedRequest().send();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("validation_failed");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        }
    }

    @Test
    void badEmailIsAFieldError() {
        Api.Response response = api.post("/api/v1/auth/signup")
                .json(Map.of("email", "not-an-email", "password", TestUsers.PASSWORD, "name", "N"))
                .unvalidatedRequest().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("email");
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSame401() {
        TestUsers.TestUser user = users.signUp();

        Api.Response wrong = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", "wrong password!")).send();
        Api.Response unknown = api.post("/api/v1/auth/login")
                .json(Map.of("email", TestUsers.uniqueEmail(), "password", "wrong password!")).send();

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).isEqualTo("invalid_credentials");
        assertThat(unknown.json().get("code").asString()).isEqualTo("invalid_credentials");
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void theFirstAdminIsCreatedFromConfiguration() {
        TestUsers.TestUser admin = users.admin();

        JsonNode me = api.get("/api/v1/me").bearer(admin.accessToken()).send().json();
        assertThat(me.get("role").asString()).isEqualTo("admin");
        assertThat(me.get("email").asString()).isEqualTo(TestUsers.ADMIN_EMAIL);
    }
}
