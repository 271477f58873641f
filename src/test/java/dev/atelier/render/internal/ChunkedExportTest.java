package dev.atelier.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.editor.Timeline;
import dev.atelier.platform.PlatformProperties;
import dev.atelier.render.MediaChecks;
import dev.atelier.render.Studio;
import dev.atelier.render.VideoCompare;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A long export split into chunks on the render nodes equals the same export rendered as one window:
 * the same frames (a frame on each side of every chunk boundary compared), the same length and the
 * same sound (encoded once, so bit for bit); a chunk whose node died is rendered again; the chunks'
 * files are gone afterwards.
 */
@AtelierTest
@TestPropertySource(properties = {"atelier.credits.welcome-credits=2000", "atelier.render.chunks.threshold=5s",
    "atelier.render.chunks.length=3s", "atelier.scheduler.heartbeat-interval=250ms",
    "atelier.scheduler.missed-heartbeats=4", "atelier.scheduler.polling-interval=200ms"})
class ChunkedExportTest {

    private static final long LENGTH_MS = 9000;

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExportRows exports;
    @Autowired
    RenderInputs inputs;
    @Autowired
    RenderProcess process;
    @Autowired
    RenderTools tools;
    @Autowired
    WorkFolders folders;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformProperties platform;

    @Test
    void aChunkedExportEqualsOneWindowAndAChunkWhoseNodeDiedRunsAgain() throws Exception {
        Studio studio = new Studio(api, users.signUp().accessToken());
        UUID a = studio.upload(VideoCompare.moving("a", 0));
        UUID b = studio.upload(VideoCompare.moving("b", 120));
        UUID music = studio.upload(MediaChecks.tone(440, 10));
        UUID project = studio.project(640, 360, 30, timeline(a, b, music));

        String id = studio.export(project, "480p", "mp4").json().get("id").asString();
        UUID exportId = UUID.fromString(id);
        int dead = killOneChunk(exportId);
        JsonNode export = studio.awaitExport(id, Duration.ofMinutes(3));
        assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");
        assertThat(exports.find(exportId).orElseThrow().worker()).isEqualTo(ChunkedExports.WORKER);

        List<Map<String, Object>> pieces = jdbc.sql("select n, status, attempts, file_id from render_export_chunks"
                + " where export_id = :id order by n").param("id", exportId).query().listOfRows();
        assertThat(pieces).hasSize(4); // the sound, then 0–3 s, 3–6 s, 6–9 s
        assertThat(pieces).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("done");
            assertThat(row.get("file_id")).as("removed after the join").isNull();
        });
        assertThat((Integer) pieces.get(dead).get("attempts")).as("the dead node's chunk ran again").isGreaterThanOrEqualTo(2);
        try (Stream<Path> left = Files.walk(Files.createDirectories(
                platform.dataDirectory().resolve("media").resolve("blobs").resolve("work")))) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("chunk files in the shared store").isEmpty();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> folders.count() == 0);

        Path chunked = studio.download(export);
        Path whole = oneWindow(exportId);
        assertThat(VideoCompare.frames(chunked)).isEqualTo(VideoCompare.frames(whole)).isEqualTo(LENGTH_MS * 30 / 1000);
        assertThat(MediaChecks.durationMs(chunked)).isBetween(LENGTH_MS - 40, LENGTH_MS + 40);
        assertThat(VideoCompare.soundDigest(chunked)).as("the sound, encoded once, is the one-window export's")
                .isEqualTo(VideoCompare.soundDigest(whole));
        VideoCompare.assertSameAround(chunked, whole, 30, 3000, 6000);
    }

    /**
     * Makes one pending chunk look as if a node picked it and died: its execution picked by a ghost
     * whose heartbeat stopped an hour ago, its row running there. Answers the chunk's number.
     */
    private int killOneChunk(UUID exportId) {
        int[] killed = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            for (int n = 3; n >= 1; n--) {
                int picked = jdbc.sql("""
                        update scheduled_tasks set picked = true, picked_by = 'ghost', version = version + 1,
                            last_heartbeat = now() - interval '1 hour'
                        where task_name = 'run-export-chunk' and task_instance = :instance and picked = false""")
                        .param("instance", exportId + "." + n).update();
                if (picked == 1) {
                    int running = jdbc.sql("""
                            update render_export_chunks set status = 'running', node = 'ghost', attempts = attempts + 1
                            where export_id = :id and n = :n and status = 'pending'""")
                            .param("id", exportId).param("n", n).update();
                    if (running == 1) {
                        killed[0] = n;
                        return true;
                    }
                    jdbc.sql("update scheduled_tasks set picked = false, picked_by = null where task_instance = :instance")
                            .param("instance", exportId + "." + n).update();
                }
            }
            return false;
        });
        return killed[0];
    }

    private static Map<String, Object> timeline(UUID a, UUID b, UUID music) {
        Map<String, Object> c2 = Studio.clip("c2", a, 6000, 3000);
        c2.put("trimInMs", 500);
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("schemaVersion", 1);
        // the crossfade (2.8–3.2 s) straddles the first boundary; the cut at 6 s is the second
        timeline.put("video", Map.of("clips", List.of(Studio.clip("c0", a, 0, 3200), Studio.clip("c1", b, 2800, 3200), c2),
                "transitions", List.of(Map.of("fromClipId", "c0", "toClipId", "c1", "type", "crossfade",
                        "durationMs", 400))));
        timeline.put("text", List.of(Map.of("id", "t1", "text", "Chunked", "font", "sans-bold", "sizePx", 48,
                "x", 0.5, "y", 0.8, "startMs", 2000, "durationMs", 5000, "fadeInMs", 300, "fadeOutMs", 300)));
        timeline.put("audio", List.of(Map.of("id", "music", "role", "music", "clips", List.of(Map.of("id", "m1",
                "assetId", music.toString(), "startMs", 0, "durationMs", LENGTH_MS, "volume", 0.5,
                "fadeOutMs", 1000)))));
        return timeline;
    }

    /** The same export rendered as one window, exactly as an export under the threshold is. */
    private Path oneWindow(UUID exportId) throws Exception {
        Export e = exports.find(exportId).orElseThrow();
        RenderInputs.Prepared prepared = inputs.prepare(json.readValue(e.timeline(), Timeline.class),
                e.projectHeight(), e.ownerId());
        Invocation invocation = ExportRunner.build(prepared.edit(), e.lengthMs(),
                new Output(e.width(), e.height(), e.fps(), Output.Kind.MP4), tools);
        Path work = Files.createTempDirectory("one-window-");
        Path target = Files.createTempFile("one-window-", ".mp4");
        process.run(invocation, prepared::file, work, target, Duration.ofMinutes(2), micros -> { });
        return target;
    }

}
