package dev.atelier.media;

import static dev.atelier.media.Uploads.upload;
import static dev.atelier.media.Uploads.uploadChunked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.media.storage.MediaDirectories;
import dev.atelier.platform.PlatformProperties;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@AtelierTest
@Import(TestUsers.class)
@TestPropertySource(properties = {
        "atelier.media.limits.image=300KB", "atelier.media.limits.audio=400KB", "atelier.media.limits.video=2MB"})
class UploadTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    MediaDirectories directories;
    @Autowired
    PlatformProperties platform;
    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser user;

    @BeforeEach
    void signUp() {
        user = users.signUp();
    }

    @Test
    void anUploadedPngIsAnImageAssetWithItsMeasurementsAndLinks() {
        Api.Response response = upload(api, user.accessToken(), TestMedia.png());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode asset = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/v1/assets/" + asset.get("id").asString());
        assertThat(asset.get("kind").asString()).isEqualTo("image");
        assertThat(asset.get("origin").asString()).isEqualTo("upload");
        assertThat(asset.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(asset.get("bytes").asLong()).isEqualTo(Uploads.read(TestMedia.png()).length);
        assertThat(asset.get("sha256").asString()).hasSize(64);
        assertThat(asset.get("width").asInt()).isEqualTo(640);
        assertThat(asset.get("height").asInt()).isEqualTo(480);
        assertThat(asset.get("hasAudio").asBoolean()).isFalse();
        assertThat(asset.get("name").asString()).isEqualTo("image.png");
        assertThat(asset.get("url").asString()).contains("/media/" + asset.get("id").asString() + "?exp=");
        assertThat(asset.get("thumbnailUrl").asString()).contains("/thumbnail?exp=");
        assertThat(asset.has("durationMs")).isFalse();
        assertThat(Duration.between(java.time.Instant.parse(asset.get("createdAt").asString()),
                java.time.Instant.parse(asset.get("expiresAt").asString()))).isEqualTo(Duration.ofDays(7));
        assertThat(MediaFolders.spool(directories)).isEmpty();
    }

    @Test
    void aVideoIsProbedForDurationAndSound() {
        JsonNode video = upload(api, user.accessToken(), TestMedia.mp4()).json();

        assertThat(video.get("kind").asString()).isEqualTo("video");
        assertThat(video.get("mediaType").asString()).isEqualTo("video/mp4");
        assertThat(video.get("durationMs").asLong()).isBetween(1900L, 2100L);
        assertThat(video.get("hasAudio").asBoolean()).isTrue();
        assertThat(video.get("width").asInt()).isEqualTo(320);
    }

    @Test
    void theBytesDecideTheTypeNotTheNameOrTheDeclaredType() {
        Api.Response response = upload(api, user.accessToken(), "holiday.mp4", TestMedia.png());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("kind").asString()).isEqualTo("image");
        assertThat(response.json().get("mediaType").asString()).isEqualTo("image/png");
        assertThat(response.json().get("name").asString()).isEqualTo("holiday.mp4");
    }

    @Test
    void anExecutableOrAScriptNamedPngIsUnsupported() throws IOException {
        byte[] executable = Files.readAllBytes(Path.of(ProcessHandle.current().info().command().orElse("/bin/ls")));
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

        for (byte[] bytes : new byte[][] {executable, script, html}) {
            Api.Response response = upload(api, user.accessToken(), "cat.png", bytes);
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.json().get("code").asString()).isEqualTo("unsupported_media");
        }
        assertNothingKept();
    }

    @Test
    void truncatedAndCorruptMediaAreUnsupportedAndLeaveNothing() {
        byte[] corruptMp4 = Arrays.copyOf(Uploads.read(TestMedia.mp4()), 200_000);
        for (int i = 40; i < corruptMp4.length; i++) {
            corruptMp4[i] = (byte) (i * 7);
        }
        for (byte[] bytes : new byte[][] {Uploads.read(TestMedia.truncated(TestMedia.png(), 0.5)),
                Uploads.read(TestMedia.truncated(TestMedia.mp4FastStart(), 0.6)),
                Uploads.read(TestMedia.truncated(TestMedia.mp4(), 0.6)), corruptMp4}) {
            Api.Response response = upload(api, user.accessToken(), "broken.bin", bytes);
            assertThat(response.status()).as(response.toString()).isEqualTo(415);
            assertThat(response.json().get("code").asString()).isEqualTo("unsupported_media");
            assertThat(response.json().get("detail").asString()).contains("does not decode");
        }
        assertNothingKept();
    }

    @Test
    void aPathForANameIsOnlyALabel() throws IOException {
        java.util.Map<String, String> labels = java.util.Map.of(
                "../../etc/passwd", "passwd",
                "..\\..\\windows\\win.ini", "win.ini",
                "/etc/passwd\u0000.png", "passwd.png",
                "..", "(none)");
        labels.forEach((name, label) -> {
            Api.Response response = upload(api, user.accessToken(), name, TestMedia.png());
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().path("name").asString("(none)")).as(name).isEqualTo(label);
        });
        try (var files = Files.walk(platform.dataDirectory())) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .doesNotContain("passwd", "win.ini", "passwd.png");
        }
        assertThat(MediaFolders.blobs(directories))
                .allSatisfy(blob -> assertThat(blob).startsWith(directories.root().resolve("blobs")));
    }

    @Test
    void anImageOverTheImageLimitIsTooLarge() {
        byte[] bigPng = Arrays.copyOf(Uploads.read(TestMedia.png()), 350 * 1024);

        Api.Response response = upload(api, user.accessToken(), "big.png", bigPng);

        assertTooLarge(response, "image", 300 * 1024, "An image file may be at most 300 KB");
    }

    @Test
    void soundOverTheAudioLimitIsTooLarge() {
        Api.Response response = upload(api, user.accessToken(), TestMedia.wav(5));

        assertTooLarge(response, "audio", 400 * 1024, "An audio file may be at most 400 KB");
    }

    @Test
    void aVideoOverTheVideoLimitIsTooLargeWhileStreaming() {
        byte[] bigMp4 = Arrays.copyOf(Uploads.read(TestMedia.mp4FastStart()), 2 * 1024 * 1024 + 300_000);

        Api.Response response = uploadChunked(api, user.accessToken(), "big.mp4", bigMp4);

        assertTooLarge(response, "video", 2 * 1024 * 1024, "A video file may be at most 2 MB");
    }

    @Test
    void anMp4HoldingOnlySoundIsHeldToTheAudioLimit() {
        Api.Response response = upload(api, user.accessToken(), TestMedia.audioOnlyMp4(30));

        assertTooLarge(response, "audio", 400 * 1024, "An audio file may be at most 400 KB");
    }

    @Test
    void aDeclaredLengthOverTheLargestLimitIsRefusedBeforeReading() {
        Api.Response response = upload(api, user.accessToken(), "huge.mp4", new byte[3 * 1024 * 1024]);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("file_too_large");
        assertThat(response.json().get("limit").asLong()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void aRequestWithoutAFilePartOrNotMultipartIsRefused() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--" + boundary + "--\r\n";
        Api.Response missing = api.post("/api/v1/uploads").bearer(user.accessToken())
                .raw("multipart/form-data; boundary=" + boundary, body).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("missing_file");

        Api.Response notMultipart = api.post("/api/v1/uploads").bearer(user.accessToken())
                .body("image/png", java.net.http.HttpRequest.BodyPublishers.ofByteArray(Uploads.read(TestMedia.png())))
                .unvalidatedRequest().send();
        assertThat(notMultipart.status()).isEqualTo(415);
    }

    @Test
    void anApiKeyNeedsTheLibraryWriteScopeToUpload() {
        String readOnly = users.apiKey(user, "library:read");

        Api.Response response = upload(api, readOnly, TestMedia.png());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("missing_scope");
        assertThat(upload(api, users.apiKey(user, "library:write"), TestMedia.png()).status()).isEqualTo(201);
    }

    @Test
    void anUploadCutOffHalfWayLeavesNothingBehind() throws IOException {
        byte[] head = Uploads.read(TestMedia.mp4FastStart());
        String boundary = "cut0ff";
        byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        int declared = preamble.length + 1_500_000 + 50;
        int blobsBefore = MediaFolders.blobs(directories).size();
        try (Socket socket = new Socket("localhost", Integer.parseInt(api.baseUrl().replaceAll(".*:", "")))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.accessToken()
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + declared
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(preamble);
            out.write(Arrays.copyOf(head, 1_000_000));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> !MediaFolders.spool(directories).isEmpty());
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertNothingKept);
        assertThat(MediaFolders.blobs(directories)).hasSize(blobsBefore);
    }

    private void assertTooLarge(Api.Response response, String kind, long limit, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("file_too_large");
        assertThat(response.json().get("kind").asString()).isEqualTo(kind);
        assertThat(response.json().get("limit").asLong()).isEqualTo(limit);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
        assertNothingKept();
    }

    private void assertNothingKept() {
        assertThat(jdbc.sql("select count(*) from media_assets where owner_id = :owner").param("owner", user.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from media_reservations where owner_id = :owner").param("owner", user.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(reserved_bytes), 0) from media_usage where owner_id = :owner")
                .param("owner", user.id()).query(Long.class).single()).isZero();
        assertThat(MediaFolders.spool(directories)).isEmpty();
    }
}
