package dev.atelier.cluster;

import dev.atelier.render.MediaChecks;
import dev.atelier.render.Studio;
import dev.atelier.render.VideoCompare;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * See bench/cluster/run.sh: one long export (chunked: the sound once plus picture chunks) on a cluster
 * with one render node, then the same with two render nodes; the API node renders nothing.
 * Arguments: [timeline seconds = 120] [chunk seconds = 20].
 */
public final class ChunkedExportBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> sources = List.of(VideoCompare.moving("a", 0), VideoCompare.moving("b", 120),
                VideoCompare.moving("c", 240));
        try (Cluster cluster = Cluster.start(Cluster.directory("chunked-export-bench"), List.of(
                        Cluster.node("api", "api,jobs"), Cluster.node("r1", "render"), Cluster.node("r2", "render")),
                "atelier.render.chunks.threshold=" + Math.min(seconds, 2 * chunk) + "s",
                "atelier.render.chunks.length=" + chunk + "s", "atelier.render.export-timeout=1h")) {
            Studio studio = new Studio(cluster.node("api").api(), signUp(cluster.node("api")));
            List<UUID> assets = new ArrayList<>();
            for (Path source : sources) {
                assets.add(studio.upload(source));
            }
            UUID music = studio.upload(MediaChecks.tone(440, 10));
            UUID project = studio.project(1280, 720, 30, timeline(assets, music, seconds * 1000L));

            Cluster.Node r2 = cluster.node("r2");
            r2.stop();
            r2.awaitExit(Duration.ofSeconds(30));
            double one = export(studio, project);
            r2.restart();
            double two = export(studio, project);
            System.out.printf(Locale.ROOT, "chunked export of %d s at 720p in %d s chunks: one render node %.1f s,"
                    + " two render nodes %.1f s (%.2fx faster)%n", seconds, chunk, one, two, one / two);
        }
    }

    private static double export(Studio studio, UUID project) {
        long started = System.nanoTime();
        String id = studio.export(project, "720p", "mp4").json().get("id").asString();
        JsonNode export = studio.awaitExport(id, Duration.ofMinutes(30));
        if (!export.get("status").asString().equals("succeeded")) {
            throw new IllegalStateException("the export did not succeed: " + export);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Clips of 4 s (moving pictures with sound) one after another, music under the whole. */
    private static Map<String, Object> timeline(List<UUID> assets, UUID music, long lengthMs) {
        List<Map<String, Object>> clips = new ArrayList<>();
        for (long at = 0, i = 0; at < lengthMs; at += 4000, i++) {
            clips.add(Studio.clip("c" + i, assets.get((int) (i % assets.size())), at, Math.min(4000, lengthMs - at)));
        }
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("schemaVersion", 1);
        timeline.put("video", Map.of("clips", clips, "transitions", List.of()));
        timeline.put("audio", List.of(Map.of("id", "music", "role", "music", "clips", List.of(Map.of("id", "m1",
                "assetId", music.toString(), "startMs", 0, "durationMs", lengthMs, "loop", true, "volume", 0.5)))));
        return timeline;
    }

    private static String signUp(Cluster.Node node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node.base() + "/api/v1/auth/signup")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"bench-" + UUID.randomUUID()
                        + "@cluster.test\",\"password\":\"cluster-password-1\",\"name\":\"Bench User\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("signup answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("accessToken").asString();
    }
}
