package dev.atelier.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every blob store must do; run against the local directory and against S3 (s3mock). */
abstract class BlobStoreContract {

    @TempDir
    Path temp;

    abstract BlobStore store();

    @Test
    void storedBytesReadBackTheSame() throws IOException {
        byte[] bytes = randomBytes(100_000);
        String key = BlobKeys.content(UUID.randomUUID());

        store().put(key, file(bytes), "image/png");

        try (InputStream in = store().open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store().size(key)).contains(100_000L);
    }

    @Test
    void aFileLargerThanOnePartIsStoredWhole() throws IOException {
        byte[] bytes = randomBytes(12 * 1024 * 1024 + 123);
        String key = BlobKeys.content(UUID.randomUUID());

        store().put(key, file(bytes), "video/mp4");

        try (InputStream in = store().open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aKeyedBlobIsStoredReadAndRemovedAndNeverListedAsAnAsset() throws IOException {
        byte[] bytes = randomBytes(50_000);
        String key = BlobKeys.keyed("0123456789abcdef".repeat(4));

        store().put(key, file(bytes), "application/octet-stream");

        try (InputStream in = store().open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store().size(key)).contains(50_000L);
        assertThat(BlobKeys.assetOf(key)).isEmpty();
        List<String> listed = new ArrayList<>();
        store().listOlderThan(BlobKeys.KEYED, Instant.now().plusSeconds(60), listed::addAll);
        assertThat(listed).as("retention of assets and work files never picks keyed blobs").isEmpty();
        store().delete(key);
        assertThat(store().size(key)).isEmpty();
        assertThatThrownBy(() -> BlobKeys.keyed("../assets/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.keyed("ABCDEF".repeat(10) + "abcd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingBlobHasNoSizeAndCannotBeOpened() throws IOException {
        String key = BlobKeys.content(UUID.randomUUID());

        assertThat(store().size(key)).isEmpty();
        assertThatThrownBy(() -> store().open(key).close()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deletingTwiceIsNoError() throws IOException {
        String key = BlobKeys.thumbnail(UUID.randomUUID());
        store().put(key, file(randomBytes(10)), "image/png");

        store().delete(key);
        store().delete(key);

        assertThat(store().size(key)).isEmpty();
    }

    @Test
    void listsOnlyBlobsUnderThePrefixWrittenBeforeTheCutoff() throws IOException {
        String content = BlobKeys.content(UUID.randomUUID());
        String thumbnail = BlobKeys.thumbnail(UUID.randomUUID());
        store().put(content, file(randomBytes(10)), "image/png");
        store().put(thumbnail, file(randomBytes(10)), "image/png");

        assertThat(listed(BlobKeys.CONTENT, Instant.now().plusSeconds(60))).contains(content).doesNotContain(thumbnail);
        assertThat(listed(BlobKeys.THUMBNAIL, Instant.now().plusSeconds(60))).contains(thumbnail).doesNotContain(content);
        assertThat(listed(BlobKeys.CONTENT, Instant.now().minusSeconds(3600))).doesNotContain(content);
    }

    @Test
    void refusesKeysAtelierDidNotMake() {
        for (String key : List.of("../../etc/passwd", "assets/../../x", "assets/" + UUID.randomUUID() + "/x", "")) {
            assertThatThrownBy(() -> store().size(key)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().put(key, file(randomBytes(1)), "image/png"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    List<String> listed(String prefix, Instant before) throws IOException {
        List<String> keys = new ArrayList<>();
        store().listOlderThan(prefix, before, keys::addAll);
        return keys;
    }

    Path file(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(temp, "blob", ".bin");
        Files.write(file, bytes);
        return file;
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
