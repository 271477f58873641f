package dev.atelier.platform.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AtelierTest
class FfmpegInfoTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void actuatorInfoNamesTheFfmpegInUse() {
        Api.Response info = api.get("/actuator/info").bearer(users.admin().accessToken()).send(); // admin only
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("ffmpeg").get("version").asString()).startsWith("8.");
        assertThat(info.json().get("ffmpeg").get("line").asString()).startsWith("ffmpeg version ");
    }
}
