package dev.atelier.media.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBlobStoreTest extends BlobStoreContract {

    private LocalBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new LocalBlobStore(temp.resolve("media"));
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void theSpoolFileIsMovedIntoPlaceNotCopied() throws IOException {
        Path spool = file(randomBytes(1000));
        String key = BlobKeys.content(UUID.randomUUID());

        store.put(key, spool, "image/png");

        assertThat(spool).doesNotExist();
        assertThat(store.localFile(key)).hasValueSatisfying(path -> {
            assertThat(path).startsWith(temp.resolve("media/blobs/assets"));
            assertThat(path).hasSize(1000);
        });
        try (Stream<Path> files = Files.walk(temp.resolve("media/blobs"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }
}
