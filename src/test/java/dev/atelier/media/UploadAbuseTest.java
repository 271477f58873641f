package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** Uploads as a malicious signed-up user would send them: bombs, trickles, floods, cut-offs. */
@AtelierTest
@TestPropertySource(properties = {"atelier.media.max-duration=1500ms", "atelier.media.uploads-per-user=2"})
class UploadAbuseTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @TempDir
    Path temp;

    @Test
    void aPictureOverTheSizeLimitIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        TestUsers.TestUser user = users.signUp();
        byte[] bomb = grayPng(9000, 9000); // 81 megapixels in about 100 KB

        Api.Response refused = Uploads.upload(api, user.accessToken(), "bomb.png", bomb);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.json().get("detail").asString()).contains("9000×9000").contains("8192×8192");
    }

    @Test
    void aVideoOverTheFrameSizeLimitIsRefused() throws Exception {
        TestUsers.TestUser user = users.signUp();
        Path wide = temp.resolve("wide.mp4");
        Ffmpeg.bundled().run(List.of("-f", "lavfi", "-i", "color=c=gray:s=4160x2336:d=0.2", "-c:v", "mpeg4",
                "-q:v", "31", "file:" + wide), Duration.ofMinutes(1));

        Api.Response refused = Uploads.upload(api, user.accessToken(), "wide.mp4", Files.readAllBytes(wide));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.json().get("detail").asString()).contains("4160×2336");
    }

    @Test
    void aRecordingOverTheDurationLimitIsRefused() {
        TestUsers.TestUser user = users.signUp();

        Api.Response refused = Uploads.upload(api, user.accessToken(), TestMedia.mp4()); // 2 s, the limit is 1.5 s

        assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
        assertThat(refused.json().get("detail").asString()).contains("at most 1 s");
    }

    @Test
    void onlySoManyUploadsOfOneUserAreInFlight() throws Exception {
        TestUsers.TestUser user = users.signUp();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stalled.add(startUpload(user, 1_000_000));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Uploads.upload(api, user.accessToken(), "third.png",
                    Uploads.read(TestMedia.png())).status() == 429);
            Api.Response third = Uploads.upload(api, user.accessToken(), "third.png", Uploads.read(TestMedia.png()));
            assertThat(third.json().get("code").asString()).isEqualTo("too_many_uploads");
            assertThat(third.header("Retry-After")).isNotNull();
            assertThat(Uploads.upload(api, users.signUp().accessToken(), TestMedia.png()).status()).isEqualTo(201);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Uploads.upload(api, user.accessToken(), TestMedia.png()).status() == 201);
    }

    @Test
    void aBodyThatTricklesInIsEndedWith408() throws Exception {
        TestUsers.TestUser user = users.signUp();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = startUpload(user, 1_000_000)) {
            OutputStream out = socket.getOutputStream();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write('x'); // one byte every two seconds
                    out.flush();
                } catch (IOException closed) {
                    // the server gave up on us
                }
            }, 0, 2, TimeUnit.SECONDS);

            String response = readResponse(socket.getInputStream(), Duration.ofSeconds(40));

            assertThat(response).startsWith("HTTP/1.1 408").contains("request_too_slow");
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aClientThatLeavesBeforeTheFirstBoundaryIsNoServerError(CapturedOutput output) throws Exception {
        TestUsers.TestUser user = users.signUp();
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoLinger(true, 0); // close with a reset, as a dropped connection does
            socket.getOutputStream().write(("POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + user.accessToken() + "\r\nContent-Type: multipart/form-data; boundary=gone\r\n"
                    + "Content-Length: 100000\r\n\r\nsome preamble").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> !output.getAll().contains("Unhandled error") && !output.getAll().contains(" ERROR "));
    }

    @Test
    void signedLinksAreRelativeAndStopWorkingWhenTheOwnerIsDisabled() {
        TestUsers.TestUser user = users.signUp();
        Api.Response uploaded = Uploads.upload(api, user.accessToken(), TestMedia.png());
        String url = uploaded.json().get("url").asString();
        assertThat(url).startsWith("/media/"); // never built from the request's Host header
        assertThat(api.get(url).send().status()).isEqualTo(200);

        Api.Response disabled = api.patch("/api/v1/admin/users/" + user.id()).bearer(users.admin().accessToken())
                .json(Map.of("disabled", true)).send();
        assertThat(disabled.status()).isEqualTo(200);

        assertThat(api.get(url).send().status()).isEqualTo(404);
    }

    /** Opens an upload that declares {@code length} bytes and sends only the start of its body. */
    private Socket startUpload(TestUsers.TestUser user, int length) throws IOException {
        Socket socket = new Socket("localhost", port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.accessToken()
                + "\r\nContent-Type: multipart/form-data; boundary=slow\r\nContent-Length: " + length + "\r\n\r\n"
                + "--slow\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.png\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(Uploads.read(TestMedia.png()), 0, 100);
        out.flush();
        return socket;
    }

    private int port() {
        return Integer.parseInt(api.baseUrl().replaceAll(".*:", ""));
    }

    private static String readResponse(InputStream in, Duration timeout) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            response.write(buffer, 0, n);
            if (response.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                break;
            }
        }
        return response.toString(StandardCharsets.ISO_8859_1);
    }

    /** A valid grayscale PNG of any size, all black, written without holding the picture in memory. */
    private static byte[] grayPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
            byte[] row = new byte[width + 1]; // filter byte 0, then black pixels
            for (int y = 0; y < height; y++) {
                deflater.write(row);
            }
        }
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
