package dev.atelier.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Replaying an Idempotency-Key is no way around scopes, and an upload is the same only if every byte is. */
@AtelierTest
class IdempotencyScopeTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Test
    void aKeyWithoutTheScopeCannotReplayAnotherKeysStoredResponse() {
        TestUsers.TestUser user = users.signUp();
        String generate = users.apiKey(user, "generate");
        String billing = users.apiKey(user, "billing:read");
        String key = UUID.randomUUID().toString();
        java.util.Map<String, Object> generation = java.util.Map.of("model", "local/sketch", "prompt", "a lighthouse");
        Api.Response first = api.post("/api/v1/generations").bearer(generate).header("Idempotency-Key", key)
                .json(generation).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(202);

        Api.Response replayed = api.post("/api/v1/generations").bearer(billing).header("Idempotency-Key", key)
                .json(generation).send();

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.header("Idempotent-Replayed")).isNull();
        assertThat(replayed.text()).doesNotContain(first.json().get("id").asString());
        Api.Response again = api.post("/api/v1/generations").bearer(generate).header("Idempotency-Key", key)
                .json(generation).send();
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void anotherFileOfTheSameLengthIsNotTheSameUpload() {
        TestUsers.TestUser user = users.signUp();
        byte[] first = Uploads.read(TestMedia.png(64, 32));
        byte[] other = first.clone();
        other[other.length - 20] ^= 0x01; // same length, one bit different (inside the image's last chunk)
        String key = UUID.randomUUID().toString();

        Api.Response stored = upload(user, key, "----one", first);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);

        Api.Response different = upload(user, key, "----two", other);
        assertThat(different.status()).as(different.toString()).isEqualTo(422);
        assertThat(different.json().get("code").asString()).isEqualTo("idempotency_key_reused");

        // the same file again, even with another client's boundary, is the same request
        Api.Response retried = upload(user, key, "----three-longer-boundary", first);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("id").asString()).isEqualTo(stored.json().get("id").asString());
    }

    private Api.Response upload(TestUsers.TestUser user, String key, String boundary, byte[] bytes) {
        return api.post("/api/v1/uploads").bearer(user.accessToken()).header("Idempotency-Key", key)
                .body("multipart/form-data; boundary=" + boundary,
                        HttpRequest.BodyPublishers.ofByteArray(Uploads.body(boundary, "picture.png", "image/png", bytes)))
                .send();
    }
}
