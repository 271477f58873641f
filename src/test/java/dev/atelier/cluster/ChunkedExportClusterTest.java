package dev.atelier.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.platform.ffmpeg.MediaInfo;
import dev.atelier.render.MediaChecks;
import dev.atelier.render.Studio;
import dev.atelier.render.VideoCompare;
import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.Encoders;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: a chunked export on two render nodes (separate processes, one PostgreSQL, one bucket, an
 * API node that renders nothing) equals the same timeline rendered by one ffmpeg as one window:
 * frame count, length, the frames on each side of every chunk boundary, the sound. On the same
 * cluster (one start-up for both), a preview asked for through the API node is rendered by the
 * render nodes into the bucket and plays through the API node: its playlist lists every window and
 * every segment downloads from the API node as a valid MPEG-TS segment. Last, a render node is
 * killed ({@code kill -9}) while it renders a chunk of another export: the other render node takes
 * the chunk over once the dead node's heartbeats go stale and the export still equals one window.
 */
class ChunkedExportClusterTest {

    private static final long LENGTH_MS = 9000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aChunkedExportOnTwoRenderNodesEqualsOneWindow() throws Exception {
        Path a = VideoCompare.moving("a", 0);
        Path b = VideoCompare.moving("b", 120);
        Path music = MediaChecks.tone(440, 10);
        try (Cluster cluster = Cluster.start(Cluster.directory("chunked-export"), List.of(
                        Cluster.node("api", "api,jobs"), Cluster.node("r1", "render"), Cluster.node("r2", "render")),
                "atelier.render.chunks.threshold=5s", "atelier.render.chunks.length=2s")) {
            Studio studio = new Studio(cluster.node("api").api(), signUp(cluster.node("api")));
            UUID va = studio.upload(a);
            UUID vb = studio.upload(b);
            UUID m = studio.upload(music);
            UUID project = studio.project(640, 360, 30, timeline(va, vb, m));
            String id = studio.export(project, "480p", "mp4").json().get("id").asString();
            JsonNode export = studio.awaitExport(id, Duration.ofMinutes(3));
            assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");

            List<String> nodes = cluster.jdbc().sql("select node from render_export_chunks where export_id = :id order by n")
                    .param("id", UUID.fromString(id)).query(String.class).list();
            assertThat(nodes).as("the sound and five picture chunks").hasSize(6);
            assertThat(nodes).as("both render nodes rendered chunks").contains("r1", "r2");

            Path chunked = studio.download(export);
            Path whole = oneWindow(a, b, music, export.get("width").asInt(), export.get("height").asInt());
            assertThat(VideoCompare.frames(chunked)).isEqualTo(VideoCompare.frames(whole)).isEqualTo(LENGTH_MS * 30 / 1000);
            assertThat(MediaChecks.durationMs(chunked)).isBetween(LENGTH_MS - 40, LENGTH_MS + 40);
            assertThat(VideoCompare.soundDigest(chunked)).isEqualTo(VideoCompare.soundDigest(whole));
            VideoCompare.assertSameAround(chunked, whole, 30, 2000, 4000, 6000, 8000);

            aPreviewPlaysThroughTheApiNode(cluster, studio, project);
            aRenderNodeKilledMidExportIsTakenOver(cluster, studio, project, whole);
        }
    }

    private static void aRenderNodeKilledMidExportIsTakenOver(Cluster cluster, Studio studio, UUID project, Path whole)
            throws Exception {
        UUID id = UUID.fromString(studio.export(project, "480p", "mp4").json().get("id").asString());
        String[] victim = new String[2];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<Map<String, Object>> running = cluster.jdbc().sql("""
                    select n, node from render_export_chunks where export_id = :id and status = 'running' and n > 0
                    order by n limit 1""").param("id", id).query().listOfRows();
            if (running.isEmpty()) {
                return false;
            }
            victim[0] = String.valueOf(running.getFirst().get("n"));
            victim[1] = (String) running.getFirst().get("node");
            return true;
        });
        cluster.node(victim[1]).kill();
        JsonNode export = studio.awaitExport(id.toString(), Duration.ofMinutes(3));
        assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");
        Map<String, Object> chunk = cluster.jdbc().sql(
                "select node, attempts, status from render_export_chunks where export_id = :id and n = :n")
                .param("id", id).param("n", Integer.parseInt(victim[0])).query().singleRow();
        String survivor = victim[1].equals("r1") ? "r2" : "r1";
        assertThat(chunk).as("chunk " + victim[0] + " was on " + victim[1])
                .containsEntry("node", survivor).containsEntry("status", "done");
        assertThat((Integer) chunk.get("attempts")).isGreaterThanOrEqualTo(2);
        Path chunked = studio.download(export);
        assertThat(VideoCompare.frames(chunked)).isEqualTo(VideoCompare.frames(whole));
        VideoCompare.assertSameAround(chunked, whole, 30, 2000, 4000, 6000, 8000);
    }

    /** The API node renders nothing and holds no segment: what it serves comes from the bucket. */
    private static void aPreviewPlaysThroughTheApiNode(Cluster cluster, Studio studio, UUID project) throws Exception {
        JsonNode preview = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(preview.get("status").asString()).as(preview.toString()).isEqualTo("succeeded");
        int windows = preview.get("windows").asInt();
        assertThat(windows).as("9 s in 4 s windows: 4, 4 and 1 s").isEqualTo(3);
        assertThat(preview.get("windowsReady").asInt()).isEqualTo(windows);
        String playlistUrl = preview.get("playlistUrl").asString();
        String playlist = studio.fetch(playlistUrl);
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST");
        List<String> segments = playlist.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(segments).hasSize(windows);
        String base = playlistUrl.substring(0, playlistUrl.indexOf("index.m3u8"));
        long total = 0;
        for (String segment : segments) {
            Path file = Files.createTempFile("cluster-segment-", ".ts");
            Files.write(file, studio.fetchBytes(base + segment));
            MediaInfo info = new Ffprobe(MediaChecks.ffmpeg()).probe(file);
            assertThat(info.formatName()).as(segment).isEqualTo("mpegts");
            assertThat(info.hasVideo()).as(segment).isTrue();
            assertThat(info.hasAudio()).as(segment).isTrue();
            assertThat(info.height()).as(segment).isPositive();
            total += info.durationMs();
        }
        assertThat(total).as("the segments together are the timeline").isBetween(LENGTH_MS - 200, LENGTH_MS + 200);
        int stored = cluster.jdbc().sql("select count(*) from render_preview_segments where stored_at is not null")
                .query(Integer.class).single();
        assertThat(stored).isGreaterThanOrEqualTo(windows);
    }

    private static Map<String, Object> timeline(UUID a, UUID b, UUID music) {
        Map<String, Object> c2 = Studio.clip("c2", a, 6000, 3000);
        c2.put("trimInMs", 500);
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("schemaVersion", 1);
        timeline.put("video", Map.of("clips", List.of(Studio.clip("c0", a, 0, 3200), Studio.clip("c1", b, 2800, 3200), c2),
                "transitions", List.of(Map.of("fromClipId", "c0", "toClipId", "c1", "type", "crossfade",
                        "durationMs", 400))));
        timeline.put("audio", List.of(Map.of("id", "music", "role", "music", "clips", List.of(Map.of("id", "m1",
                "assetId", music.toString(), "startMs", 0, "durationMs", LENGTH_MS, "volume", 0.5,
                "fadeOutMs", 1000)))));
        return timeline;
    }

    /** The same timeline through the same pure function as one window, rendered here by one ffmpeg. */
    private static Path oneWindow(Path a, Path b, Path music, int width, int height) throws Exception {
        Map<String, Path> files = new HashMap<>();
        Edit.Media ma = media(files, a, 4000);
        Edit.Media mb = media(files, b, 4000);
        Edit.Media mm = media(files, music, 10_000);
        Edit edit = new Edit(List.of(clip("c0", ma, 0, 3200, 0), clip("c1", mb, 2800, 3200, 0), clip("c2", ma, 6000, 3000, 500)),
                List.of(new Edit.Transition("c0", "c1", "crossfade", 400)), List.of(),
                List.of(new Edit.Sound("m1", false, mm, 0, LENGTH_MS, 0, false, 0.5, 0, 1000)), Edit.Ducking.OFF, 360);
        Ffmpeg ffmpeg = MediaChecks.ffmpeg();
        Encoders encoders = new Encoders("libopenh264", "libvpx-vp9", "libopus", true);
        Invocation invocation = FilterGraph.build(edit, new Window(0, LENGTH_MS), new Output(width, height, 30,
                Output.Kind.MP4), encoders);
        Path work = Files.createTempDirectory("one-window-");
        Files.writeString(work.resolve(Invocation.GRAPH_FILE), invocation.boundGraph(work, font -> work));
        Path target = work.resolve("whole.mp4");
        ffmpeg.run(invocation.arguments(media -> files.get(media.sha256()), work, target, encoders), Duration.ofMinutes(2));
        return target;
    }

    private static Edit.Clip clip(String id, Edit.Media media, long startMs, long durationMs, long trimInMs) {
        return new Edit.Clip(id, media, startMs, durationMs, trimInMs, 1.0, true, 1.0, null);
    }

    private static Edit.Media media(Map<String, Path> files, Path file, long durationMs) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        files.put(sha, file);
        return new Edit.Media(sha, false, true, durationMs);
    }

    private static String signUp(Cluster.Node node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node.base() + "/api/v1/auth/signup")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"user-" + UUID.randomUUID()
                        + "@cluster.test\",\"password\":\"cluster-password-1\",\"name\":\"Node User\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("accessToken").asString();
    }
}
