package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@AtelierTest
@TestPropertySource(properties = "atelier.credits.rates.upload=2/1h")
class UploadRateLimitTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void uploadsOverTheRateAreRefusedBeforeTheirBodyIsStored() {
        TestUsers.TestUser user = users.signUp();
        java.nio.file.Path png = TestMedia.png(64, 64);

        assertThat(Uploads.upload(api, user.accessToken(), "a.png", png).status()).isEqualTo(201);
        Api.Response second = Uploads.upload(api, user.accessToken(), "b.png", png);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");

        Api.Response refused = Uploads.upload(api, user.accessToken(), "c.png", png);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asString()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/v1/assets").bearer(user.accessToken()).send().json().get("data")).hasSize(2);
    }
}
