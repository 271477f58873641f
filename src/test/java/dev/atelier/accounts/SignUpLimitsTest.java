package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Mass sign-up from one address, free credits, and keys made to live forever. */
@AtelierTest
@TestPropertySource(properties = {
        "atelier.accounts.signups-per-address=3",
        "atelier.credits.welcome-credits=0",
        "atelier.trusted-proxies=127.0.0.1,::1"})
class SignUpLimitsTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    private Api.Response signUp(String address) {
        return api.post("/api/v1/auth/signup").header("X-Forwarded-For", address)
                .json(Map.of("email", TestUsers.uniqueEmail(), "password", TestUsers.PASSWORD, "name", "Many")).send();
    }

    @Test
    void oneAddressMayCreateOnlySoManyAccounts() {
        for (int i = 0; i < 3; i++) {
            assertThat(signUp("192.0.2.10").status()).isEqualTo(201);
        }

        Api.Response refused = signUp("192.0.2.10");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asString()).isEqualTo("too_many_signups");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(signUp("192.0.2.11").status()).isEqualTo(201);
    }

    @Test
    void welcomeCreditsCanBeSwitchedOff() {
        Api.Response created = signUp("192.0.2.20");
        String token = created.json().get("accessToken").asString();

        Api.Response balance = api.get("/api/v1/credits").bearer(token).send();

        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().get("balance").asLong()).isZero();
    }

    @Test
    void anApiKeyMayNotBeMadeToLiveForever() {
        String token = signUp("192.0.2.30").json().get("accessToken").asString();

        for (String expiresAt : new String[] {"+999999-01-01T00:00:00Z",
                Instant.now().plus(800, ChronoUnit.DAYS).toString()}) {
            Api.Response refused = api.post("/api/v1/api-keys").bearer(token)
                    .json(Map.of("name", "forever", "scopes", new String[] {"generate"}, "expiresAt", expiresAt))
                    .unvalidatedRequest().send(); // out of bounds on purpose
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        }
        assertThat(api.post("/api/v1/api-keys").bearer(token).json(Map.of("name", "a year", "scopes",
                new String[] {"generate"}, "expiresAt", Instant.now().plus(365, ChronoUnit.DAYS).toString())).send()
                .status()).isEqualTo(201);
    }
}
