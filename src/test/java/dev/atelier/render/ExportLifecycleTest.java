package dev.atelier.render;

import static dev.atelier.render.MediaChecks.colour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.render.internal.WorkFolders;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Cancel, failures and their money: every way an export ends, with its reason and its credits. */
@AtelierTest
@Import(ExportLifecycleTest.Finished.class)
@TestPropertySource(properties = {"atelier.credits.welcome-credits=2000", "atelier.scheduler.threads=1"})
class ExportLifecycleTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    WorkFolders folders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Finished finished;
    @Autowired
    dev.atelier.platform.PlatformProperties platform;
    Studio studio;
    String token;

    @TestConfiguration
    static class Finished {
        final List<ExportFinished> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ExportFinished event) {
            events.add(event);
        }
    }

    @BeforeEach
    void user() {
        token = users.signUp().accessToken();
        studio = new Studio(api, token);
    }

    /** A minute of 1080p: long enough to cancel while ffmpeg runs. */
    private UUID longProject() {
        List<UUID> assets = new ArrayList<>();
        UUID a = studio.upload(MediaChecks.colourVideo(colour(0), 2));
        UUID b = studio.upload(MediaChecks.colourVideo(colour(1), 2));
        for (int i = 0; i < 40; i++) {
            assets.add(i % 2 == 0 ? a : b);
        }
        return studio.project(1920, 1080, 30, Studio.timeline(assets, 1500));
    }

    @Test
    void cancelStopsFfmpegWithinTwoSecondsLeavesNoFolderAndGivesTheCreditsBack() {
        UUID project = longProject();
        long before = studio.available();
        JsonNode accepted = studio.export(project, "1080p", "mp4").json();
        String id = accepted.get("id").asString();
        assertThat(studio.available()).isEqualTo(before - 60);
        await().atMost(Duration.ofSeconds(30)).until(() -> ffmpegProcesses() > 0
                && studio.get("/api/v1/exports/" + id).get("status").asString().equals("running"));

        Api.Response canceled = api.post("/api/v1/exports/" + id + "/cancel").bearer(token).send();
        assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
        assertThat(canceled.json().get("status").asString()).isEqualTo("canceled");
        await().atMost(Duration.ofSeconds(2)).until(() -> ffmpegProcesses() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> folders.count() == 0);
        assertThat(studio.available()).isEqualTo(before);
        assertThat(settlements(id)).containsExactly("release");
        await().until(() -> finished.events.stream().anyMatch(e -> e.exportId().toString().equals(id)
                && e.status().equals("canceled")));
        Api.Response again = api.post("/api/v1/exports/" + id + "/cancel").bearer(token).send();
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anAssetThatVanishesBeforeItsRenderEndsItWithAReasonAndTheCreditsBack() {
        UUID busy = longProject(); // holds the only scheduler thread while the asset goes
        String first = studio.export(busy, "1080p", "mp4").json().get("id").asString();
        UUID red = studio.upload(MediaChecks.colourVideo(colour(0), 2));
        UUID green = studio.upload(MediaChecks.colourVideo(colour(1), 2));
        UUID project = studio.project(320, 180, 25, Studio.timeline(List.of(red, green), 1000));
        long before = studio.available();
        String id = studio.export(project, "480p", "mp4").json().get("id").asString();
        assertThat(studio.get("/api/v1/exports/" + id).get("status").asString()).isEqualTo("queued");

        assertThat(api.delete("/api/v1/projects/" + project).bearer(token).send().status()).isEqualTo(204);
        Api.Response deleted = api.delete("/api/v1/assets/" + green).bearer(token).send();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        api.post("/api/v1/exports/" + first + "/cancel").bearer(token).send();

        JsonNode failed = studio.awaitExport(id, Duration.ofSeconds(30));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("asset_missing");
        assertThat(failed.get("error").get("message").asString()).contains(green.toString());
        assertThat(studio.available()).isEqualTo(before + 60); // its 2 back, and the canceled one's 60 too
        assertThat(settlements(id)).containsExactly("release");
    }

    @Test
    void aCorruptInputEndsTheRenderWithFfmpegsReasonAndTheCreditsBackAndTheServerGoesOn() throws Exception {
        UUID red = studio.upload(MediaChecks.colourVideo("c03020", 2)); // a file no other test renders
        UUID project = studio.project(320, 180, 25, Studio.timeline(List.of(red), 1000));
        JsonNode good = studio.awaitExport(studio.export(project, "480p", "mp4").json().get("id").asString(),
                Duration.ofSeconds(60));
        assertThat(good.get("status").asString()).isEqualTo("succeeded");
        // the node's copy of the input goes bad (a disk error, a bad copy): same size, garbage inside
        String sha = studio.get("/api/v1/assets/" + red).get("sha256").asString();
        Path copy = platform.dataDirectory().resolve("render/inputs").resolve(sha);
        byte[] garbage = new byte[(int) Files.size(copy)];
        new java.util.Random(1).nextBytes(garbage);
        Files.write(copy, garbage);

        long before = studio.available();
        JsonNode failed = studio.awaitExport(studio.export(project, "480p", "mp4").json().get("id").asString(),
                Duration.ofSeconds(60));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("render_failed");
        assertThat(failed.get("error").get("message").asString()).startsWith("ffmpeg failed");
        assertThat(studio.available()).isEqualTo(before);
        assertThat(folders.count()).isZero();
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
        JsonNode healed = studio.awaitExport(studio.export(project, "480p", "mp4").json().get("id").asString(),
                Duration.ofSeconds(60));
        assertThat(healed.get("status").asString()).as("the bad copy was dropped and fetched afresh")
                .isEqualTo("succeeded");
    }

    @Test
    void exportsOfAnotherUserAreNotFoundAndTheirListIsPaged() {
        UUID red = studio.upload(MediaChecks.colourVideo("ff0000", 2));
        UUID project = studio.project(320, 180, 25, Studio.timeline(List.of(red), 1000));
        String id = studio.export(project, "480p", "mp4").json().get("id").asString();
        studio.export(project, "480p", "webm");
        studio.awaitExport(id, Duration.ofSeconds(60));
        String stranger = users.signUp().accessToken();
        assertThat(api.get("/api/v1/exports/" + id).bearer(stranger).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/exports/" + id + "/cancel").bearer(stranger).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/projects/" + project + "/exports").bearer(stranger)
                .json(Map.of("resolution", "480p")).send().status()).isEqualTo(404);
        JsonNode page = studio.get("/api/v1/projects/" + project + "/exports?limit=1");
        assertThat(page.get("data").size()).isEqualTo(1);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        JsonNode next = studio.get("/api/v1/projects/" + project + "/exports?limit=1&cursor=" + page.get("nextCursor").asString());
        assertThat(next.get("data").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.post("/api/v1/projects/" + project + "/exports").bearer(token)
                .json(Map.of("resolution", "4k")).unvalidatedRequest().send().status()).isEqualTo(400);
        JsonNode webm = studio.awaitExport(page.get("data").get(0).get("id").asString(), Duration.ofSeconds(60));
        assertThat(webm.get("status").asString()).as(webm.toString()).isEqualTo("succeeded");
        assertThat(MediaChecks.near(MediaChecks.colourAt(studio.download(webm), 0.5), "ff0000")).isTrue();
    }

    @Test
    void anIdempotencyKeyMakesOneExport() {
        UUID red = studio.upload(MediaChecks.colourVideo("ff0000", 2));
        UUID project = studio.project(320, 180, 25, Studio.timeline(List.of(red), 1000));
        long before = studio.available();
        Api.Response first = api.post("/api/v1/projects/" + project + "/exports").bearer(token)
                .header("Idempotency-Key", "once").json(Map.of("resolution", "480p")).send();
        Api.Response second = api.post("/api/v1/projects/" + project + "/exports").bearer(token)
                .header("Idempotency-Key", "once").json(Map.of("resolution", "480p")).send();
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(studio.available()).isGreaterThanOrEqualTo(before - 1);
    }

    private List<String> settlements(String id) {
        return jdbc.sql("""
                select l.kind from credit_ledger l join credit_holds h on h.id = l.hold_id
                where h.reference = :reference and l.kind in ('capture', 'release')""")
                .param("reference", "render:" + id).query(String.class).list();
    }

    static long ffmpegProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false)).count();
    }
}
