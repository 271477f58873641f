package dev.atelier.render.internal;

import static dev.atelier.render.MediaChecks.colour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.AtelierApplication;
import dev.atelier.credits.Credits;
import dev.atelier.credits.Hold;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.render.MediaChecks;
import dev.atelier.render.Studio;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A server and a remote render worker, two processes' worth of Atelier on loopback. */
class RemoteWorkerTest {

    private static final String SECRET = "a shared secret for render workers";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext worker;
    private static ConfigurableApplicationContext server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        worker = new SpringApplicationBuilder(AtelierApplication.class)
                .properties("server.port=0", "atelier.render.worker.enabled=true", "atelier.render.worker-secret=" + SECRET)
                .run();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        server = new SpringApplicationBuilder(AtelierApplication.class)
                .initializers(context -> {
                    var registry = (org.springframework.context.support.GenericApplicationContext) context;
                    registry.registerBean("testApi", Api.class);
                    registry.registerBean("testUsers", TestUsers.class);
                })
                .properties("server.port=" + port, "atelier.credits.welcome-credits=1000",
                        "atelier.render.workers=http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port"),
                        "atelier.render.worker-secret=" + SECRET, "atelier.render.public-url=" + base)
                .run();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void aServerAndAWorkerCompleteARemoteExport() {
        Studio studio = new Studio(server.getBean(Api.class), server.getBean(TestUsers.class).signUp().accessToken());
        List<UUID> clips = List.of(studio.upload(MediaChecks.colourVideo(colour(0), 2)),
                studio.upload(MediaChecks.colourVideo(colour(1), 2)), studio.upload(MediaChecks.colourVideo(colour(2), 2)));
        UUID project = studio.project(320, 180, 25, Studio.timeline(clips, 1000));
        long before = studio.available();
        String id = studio.export(project, "480p", "mp4").json().get("id").asString();
        JsonNode export = studio.awaitExport(id, Duration.ofMinutes(2));
        assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select worker from render_exports where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).startsWith("remote:http://127.0.0.1:");
        assertThat(studio.available()).isEqualTo(before - 3);
        assertThat(settlements(UUID.fromString(id))).containsExactly("capture");
        MediaChecks.assertEveryClip(studio.download(export), 3, 1000);
        assertThat(ExportLifecycle.folders(worker)).isZero();
    }

    @Test
    void forgedExpiredUnsignedAndReplayedCallbacksChangeNothingAndARenderCompletesOnce() throws Exception {
        UUID owner = server.getBean(TestUsers.class).signUp().id();
        UUID id = runningExport(owner);
        StandardWebhooks right = new StandardWebhooks(SECRET);
        StandardWebhooks wrong = new StandardWebhooks("somebody else's secret, long enough");

        byte[] failed = body(id, "failed", null);
        assertThat(post(id, failed, null)).as("unsigned").isEqualTo(401);
        assertThat(post(id, failed, wrong.sign("msg_1", Instant.now(), failed))).as("forged").isEqualTo(401);
        assertThat(post(id, failed, right.sign("msg_2", Instant.now().minusSeconds(600), failed))).as("expired").isEqualTo(401);
        StandardWebhooks.Headers other = right.sign("msg_3", Instant.now(), body(id, "failed", 5));
        assertThat(post(id, failed, other)).as("a signature of another body").isEqualTo(401);
        assertThat(row(id).status()).isEqualTo(RenderStatus.RUNNING);
        assertThat(server.getBean(Credits.class).balance(owner).held()).isEqualTo(5);

        byte[] forty = body(id, "progress", 40);
        StandardWebhooks.Headers progress = right.sign("msg_4", Instant.now(), forty);
        assertThat(post(id, forty, progress)).isEqualTo(200);
        assertThat(row(id).progress()).isEqualTo(40);
        byte[] sixty = body(id, "progress", 60);
        assertThat(post(id, sixty, right.sign("msg_5", Instant.now(), sixty))).isEqualTo(200);
        Instant updated = row(id).updatedAt();
        assertThat(post(id, forty, progress)).as("a replay").isEqualTo(200);
        assertThat(row(id).updatedAt()).isEqualTo(updated);
        assertThat(row(id).progress()).isEqualTo(60);

        UUID unknown = UUID.randomUUID();
        byte[] elsewhere = body(unknown, "failed", null);
        assertThat(post(unknown, elsewhere, right.sign("msg_6", Instant.now(), elsewhere))).isEqualTo(404);

        SignedMessages signed = server.getBean(SignedMessages.class);
        URI upload = URI.create(base + "/render-callbacks/" + id + "/output?" + signed.uploadQuery(id, Duration.ofMinutes(5)));
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/render-callbacks/" + id + "/output?exp=1&sig=AA"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        assertThat(HTTP.send(HttpRequest.newBuilder(upload).PUT(HttpRequest.BodyPublishers.ofFile(
                MediaChecks.colourVideo("ff0000", 2))).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(204);
        byte[] done = body(id, "succeeded", 100);
        assertThat(post(id, done, right.sign("msg_7", Instant.now(), done))).isEqualTo(200);
        assertThat(post(id, done, right.sign("msg_8", Instant.now(), done))).as("a duplicate").isEqualTo(200);
        assertThat(post(id, failed, right.sign("msg_9", Instant.now(), failed))).as("a late failure").isEqualTo(200);
        Export finished = row(id);
        assertThat(finished.status()).isEqualTo(RenderStatus.SUCCEEDED);
        assertThat(finished.outputAssetId()).isNotNull();
        assertThat(settlements(id)).containsExactly("capture");
    }

    @Test
    void aServerWithWorkersButNoSecretRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AtelierApplication.class)
                .properties("server.port=0", "atelier.render.workers=http://127.0.0.1:9",
                        "atelier.render.public-url=http://127.0.0.1:9").run())
                .hasStackTraceContaining("atelier.render.worker-secret must be set");
    }

    /** An export a (pretend) remote worker is rendering, with 5 credits held. */
    private static UUID runningExport(UUID owner) {
        UUID id = UUID.randomUUID();
        Hold.Placed hold = (Hold.Placed) server.getBean(Credits.class).place(owner, 5, "render:" + id);
        Instant now = Instant.now();
        ExportRows rows = server.getBean(ExportRows.class);
        rows.insert(new Export(id, owner, UUID.randomUUID(), 1, "{}", 854, 480, 25, 180, "480p", "mp4", 2000,
                RenderStatus.QUEUED, 0, null, 0, null, null, null, "{}", hold.holdId(), 5, null, null, null,
                now.plus(Duration.ofMinutes(30)), now, null, null, now));
        assertThat(rows.start(id, RenderStatus.QUEUED, "remote:test", now)).isTrue();
        return id;
    }

    private static Export row(UUID id) {
        return server.getBean(ExportRows.class).find(id).orElseThrow();
    }

    private static List<String> settlements(UUID id) {
        return server.getBean(JdbcClient.class).sql("""
                select l.kind from credit_ledger l join credit_holds h on h.id = l.hold_id
                where h.reference = :reference and l.kind in ('capture', 'release')""")
                .param("reference", "render:" + id).query(String.class).list();
    }

    private static byte[] body(UUID id, String type, Integer progress) {
        return ("{\"renderId\":\"" + id + "\",\"type\":\"" + type + "\"" + (progress == null ? "" : ",\"progress\":" + progress)
                + (type.equals("failed") ? ",\"code\":\"forged\",\"message\":\"forged\"" : "") + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int post(UUID id, byte[] body, StandardWebhooks.Headers headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/render-callbacks/" + id))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers != null) {
            request.header(StandardWebhooks.ID, headers.id()).header(StandardWebhooks.TIMESTAMP, headers.timestamp())
                    .header(StandardWebhooks.SIGNATURE, headers.signature());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static final class ExportLifecycle {
        static long folders(ConfigurableApplicationContext node) {
            try {
                return node.getBean(WorkFolders.class).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
