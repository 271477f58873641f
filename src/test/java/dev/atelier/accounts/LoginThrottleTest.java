package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@AtelierTest
@TestPropertySource(properties = {
        "atelier.accounts.login-failures-per-email=3",
        "atelier.accounts.login-failures-per-address=6"})
class LoginThrottleTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login").json(Map.of("email", email, "password", password)).send();
    }

    @Test
    void repeatedFailuresForOneEmailAreThrottledEvenWithTheRightPassword() {
        TestUsers.TestUser user = users.signUp();
        for (int i = 0; i < 3; i++) {
            assertThat(login(user.email(), "wrong password " + i).status()).isEqualTo(401);
        }

        Api.Response throttled = login(user.email(), TestUsers.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("code").asString()).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    }

    @Test
    void failuresAcrossEmailsFromOneAddressAreThrottled() {
        for (int i = 0; i < 6; i++) {
            login(TestUsers.uniqueEmail(), "wrong password!");
        }

        assertThat(login(TestUsers.uniqueEmail(), "wrong password!").status()).isEqualTo(429);
    }
}
