package dev.atelier.media;

import static dev.atelier.media.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.library.MediaRetention;
import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.media.storage.MediaDirectories;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtelierTest
@Import(TestUsers.class)
class RetentionTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    Assets assets;
    @Autowired
    MediaRetention retention;
    @Autowired
    BlobStore store;
    @Autowired
    MediaDirectories directories;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    TestUsers.TestUser user;

    @BeforeEach
    void signUp() {
        user = users.signUp();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void uploadsExpireAfterSevenDaysUnlessSomethingUsesThem() throws IOException {
        UUID unused = uploaded();
        UUID used = uploaded();
        assets.pin(used, "project:" + UUID.randomUUID());
        Asset generated = assets.store(NewAsset.generated(user.id(), AssetKind.IMAGE, "gen.png"), TestMedia.png());

        clock.advance(Duration.ofDays(6));
        retention.run();
        assertThat(assets.find(unused)).isPresent();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        MediaRetention.Report report = retention.run();

        assertThat(report.expiredAssets()).isGreaterThanOrEqualTo(1);
        assertThat(assets.find(unused)).isEmpty();
        assertThat(store.size(BlobKeys.content(unused))).isEmpty();
        assertThat(store.size(BlobKeys.thumbnail(unused))).isEmpty();
        assertThat(assets.find(used)).isPresent();
        assertThat(assets.find(generated.id())).isPresent();
        assertThat(assets.usage(user.id()).usedBytes()).isEqualTo(assets.find(used).orElseThrow().bytes() + generated.bytes());
        assertThat(meters.counter("atelier.media.retention.removed", "what", "expired_assets").count()).isPositive();
    }

    @Test
    void anExpiredAssetLetGoOfIsRemovedOnTheNextRun() {
        UUID id = uploaded();
        String holder = "project:" + UUID.randomUUID();
        assets.pin(id, holder);
        clock.advance(Duration.ofDays(8));
        retention.run();
        assertThat(assets.find(id)).isPresent();

        assets.unpin(id, holder);
        retention.run();

        assertThat(assets.find(id)).isEmpty();
    }

    @Test
    void blobsNoAssetOwnsAreRemovedOnceTheyAreAnHourOld() throws IOException {
        String orphan = putBlob(BlobKeys.content(UUID.randomUUID()));
        String orphanThumbnail = putBlob(BlobKeys.thumbnail(UUID.randomUUID()));
        UUID kept = uploaded();

        retention.run();
        assertThat(store.size(orphan)).isPresent(); // could be an upload between its blob and its row

        clock.advance(Duration.ofMinutes(61));
        MediaRetention.Report report = retention.run();

        assertThat(report.orphanBlobs()).isGreaterThanOrEqualTo(2);
        assertThat(store.size(orphan)).isEmpty();
        assertThat(store.size(orphanThumbnail)).isEmpty();
        assertThat(store.size(BlobKeys.content(kept))).isPresent();
        assertThat(store.size(BlobKeys.thumbnail(kept))).isPresent();
    }

    @Test
    void staleSpoolFoldersAndReservationsOfDeadUploadsAreRemoved() throws IOException {
        Path folder = Files.createDirectory(directories.spool().resolve(UUID.randomUUID().toString()));
        Files.write(folder.resolve("content"), new byte[1000]);
        UUID reservation = UUID.randomUUID();
        jdbc.sql("insert into media_usage (owner_id, reserved_bytes) values (:owner, 8388608)")
                .param("owner", user.id()).update();
        jdbc.sql("insert into media_reservations (id, owner_id, bytes, touched_at) values (:id, :owner, 8388608, :now)")
                .param("id", reservation).param("owner", user.id()).param("now", Timestamp.from(clock.instant())).update();

        retention.run();
        assertThat(folder).exists();
        assertThat(assets.usage(user.id()).reservedBytes()).isEqualTo(8388608);

        clock.advance(Duration.ofMinutes(61));
        MediaRetention.Report report = retention.run();

        assertThat(report.spoolFolders()).isGreaterThanOrEqualTo(1);
        assertThat(report.staleReservations()).isGreaterThanOrEqualTo(1);
        assertThat(folder).doesNotExist();
        assertThat(assets.usage(user.id()).reservedBytes()).isZero();
    }

    @Test
    void retentionIsARecurringBackgroundTask() {
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'media-retention'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private UUID uploaded() {
        Api.Response response = upload(api, user.accessToken(), TestMedia.png());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private String putBlob(String key) throws IOException {
        Path file = Files.createTempFile(directories.spool(), "orphan", ".bin");
        Files.write(file, new byte[100]);
        store.put(key, file, "image/png");
        Files.deleteIfExists(file);
        return key;
    }
}
