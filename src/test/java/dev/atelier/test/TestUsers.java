package dev.atelier.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/** Fresh users for tests, each with its own email so tests in one context never collide. */
@TestComponent
public class TestUsers {

    public static final String ADMIN_EMAIL = "admin@test.atelier";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Api api;

    TestUsers(Api api) {
        this.api = api;
    }

    public record TestUser(UUID id, String email, String accessToken, String refreshToken) {
    }

    public static String uniqueEmail() {
        return "user" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.atelier";
    }

    public TestUser signUp() {
        return signUp(uniqueEmail());
    }

    public TestUser signUp(String email) {
        Api.Response response = api.post("/api/v1/auth/signup")
                .json(Map.of("email", email, "password", PASSWORD, "name", "Test User")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return from(response.json()); // the welcome credits are there already: CreditsApiTest shows it
    }

    public TestUser admin() {
        Api.Response response = api.post("/api/v1/auth/login")
                .json(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return from(response.json());
    }

    /** Creates an API key for {@code user} with the given scopes and answers the secret. */
    public String apiKey(TestUser user, String... scopes) {
        Api.Response response = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "test key", "scopes", scopes)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("key").asString();
    }

    /** Creates an API key for {@code user} with the given scopes and answers its id. */
    public String apiKeyId(TestUser user, String... scopes) {
        Api.Response response = api.post("/api/v1/api-keys").bearer(user.accessToken())
                .json(Map.of("name", "test key", "scopes", scopes)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static TestUser from(JsonNode body) {
        return new TestUser(UUID.fromString(body.get("user").get("id").asString()),
                body.get("user").get("email").asString(), body.get("accessToken").asString(),
                body.get("refreshToken").asString());
    }
}
