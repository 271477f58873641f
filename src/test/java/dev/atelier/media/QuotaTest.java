package dev.atelier.media;

import static dev.atelier.media.Uploads.upload;
import static dev.atelier.media.Uploads.uploadChunked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@AtelierTest
@Import(TestUsers.class)
// several uploads of one user at once: more than the default in-flight cap, which has its own test (UploadAbuseTest)
@TestPropertySource(properties = {"atelier.media.quota=600KB", "atelier.media.uploads-per-user=8"})
class QuotaTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;

    final byte[] sound = Uploads.read(TestMedia.wav(4)); // about 345 KB: one fits, two do not

    @Test
    void anUploadPastTheQuotaIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        TestUsers.TestUser user = users.signUp();
        assertThat(upload(api, user.accessToken(), "one.wav", sound).status()).isEqualTo(201);

        Api.Response declared = upload(api, user.accessToken(), "two.wav", sound);
        Api.Response streamed = uploadChunked(api, user.accessToken(), "two.wav", sound);

        for (Api.Response response : List.of(declared, streamed)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.json().get("code").asString()).isEqualTo("storage_quota_exceeded");
            assertThat(response.json().get("quota").asLong()).isEqualTo(600 * 1024);
            assertThat(response.json().get("used").asLong()).isEqualTo(sound.length);
        }
        JsonNode storage = storage(user);
        assertThat(storage.get("usedBytes").asLong()).isEqualTo(sound.length);
        assertThat(storage.get("reservedBytes").asLong()).isZero();
    }

    @Test
    void deletingMakesRoomAgain() {
        TestUsers.TestUser user = users.signUp();
        String first = upload(api, user.accessToken(), "one.wav", sound).json().get("id").asString();
        assertThat(upload(api, user.accessToken(), "two.wav", sound).status()).isEqualTo(413);

        api.delete("/api/v1/assets/" + first).bearer(user.accessToken()).send();

        assertThat(upload(api, user.accessToken(), "two.wav", sound).status()).isEqualTo(201);
    }

    @Test
    void concurrentUploadsCannotPassTheQuotaTogether() throws Exception {
        TestUsers.TestUser user = users.signUp();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> uploads = IntStream.range(0, 4).<Callable<Integer>>mapToObj(i ->
                    () -> uploadChunked(api, user.accessToken(), i + ".wav", sound).status()).toList();
            List<Integer> statuses = pool.invokeAll(uploads).stream().map(QuotaTest::get).toList();

            // One fits, and one always gets in: the spooler reserves 64 KB, then 256 KB steps, then the
            // rest. Whoever first grows to 320 KB finds at most three 64 KB heads beside it (512 KB of
            // 600), and its last step then fits too; nobody else can grow past 64 KB while it holds 320.
            // "Everyone refused" would be a quota that lets racing uploads starve each other.
            assertThat(statuses).as(statuses.toString()).containsExactlyInAnyOrder(201, 413, 413, 413);
            JsonNode storage = storage(user);
            assertThat(storage.get("usedBytes").asLong()).isEqualTo(sound.length);
            assertThat(storage.get("reservedBytes").asLong()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode storage(TestUsers.TestUser user) {
        JsonNode storage = api.get("/api/v1/storage").bearer(user.accessToken()).send().json();
        assertThat(storage.get("quotaBytes").asLong()).isEqualTo(600 * 1024);
        return storage;
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
