package dev.atelier.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A user's way through the API in render tests: assets, a project, its timeline, previews and exports. */
public final class Studio {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Api api;
    private final String token;

    public Studio(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    public String token() {
        return token;
    }

    public UUID upload(Path file) {
        Api.Response response = Uploads.upload(api, token, file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    /** A project of the given size, with its timeline; answers the project id. */
    public UUID project(int width, int height, int fps, Map<String, Object> timeline) {
        Api.Response created = api.post("/api/v1/projects").bearer(token)
                .json(Map.of("name", "render test", "output", Map.of("width", width, "height", height, "fps", fps)))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        save(id, timeline);
        return id;
    }

    public void save(UUID project, Map<String, Object> timeline) {
        String etag = api.get("/api/v1/projects/" + project).bearer(token).send().header("ETag");
        Api.Response saved = api.put("/api/v1/projects/" + project + "/timeline").bearer(token)
                .header("If-Match", etag).json(timeline).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    /** A timeline of clips of the given assets and lengths, one after another. */
    public static Map<String, Object> timeline(List<UUID> assets, long eachMs) {
        List<Map<String, Object>> clips = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            clips.add(clip("c" + i, assets.get(i), i * eachMs, eachMs));
        }
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("schemaVersion", 1);
        timeline.put("video", Map.of("clips", clips, "transitions", List.of()));
        return timeline;
    }

    public static Map<String, Object> clip(String id, UUID asset, long startMs, long durationMs) {
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("id", id);
        clip.put("assetId", asset.toString());
        clip.put("startMs", startMs);
        clip.put("durationMs", durationMs);
        return clip;
    }

    public JsonNode preview(UUID project) {
        Api.Response response = api.post("/api/v1/projects/" + project + "/preview").bearer(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.header("Location")).startsWith("/api/v1/previews/");
        return response.json();
    }

    public JsonNode awaitPreview(String id) {
        await().atMost(Duration.ofMinutes(3)).until(() -> !"running".equals(get("/api/v1/previews/" + id).path("status").asString()));
        return get("/api/v1/previews/" + id);
    }

    /** Every segment of a finished preview's playlist, joined into one MPEG-TS file. */
    public Path previewVideo(JsonNode preview) {
        String playlistUrl = preview.get("playlistUrl").asString();
        String playlist = fetch(playlistUrl).toString();
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-ENDLIST");
        String base = playlistUrl.substring(0, playlistUrl.indexOf("index.m3u8"));
        try {
            Path joined = Files.createTempFile("preview-", ".ts");
            for (String line : playlist.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Files.write(joined, (byte[]) fetchBytes(base + line), java.nio.file.StandardOpenOption.APPEND);
                }
            }
            return joined;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api.Response export(UUID project, String resolution, String format) {
        return api.post("/api/v1/projects/" + project + "/exports").bearer(token)
                .json(Map.of("resolution", resolution, "format", format)).send();
    }

    public JsonNode awaitExport(String id, Duration atMost) {
        await().atMost(atMost).until(() -> {
            String status = get("/api/v1/exports/" + id).path("status").asString();
            return !status.equals("queued") && !status.equals("running");
        });
        return get("/api/v1/exports/" + id);
    }

    public Path download(JsonNode export) {
        try {
            Path file = Files.createTempFile("export-", "." + export.get("format").asString());
            Files.write(file, fetchBytes(export.get("downloadUrl").asString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode get(String path) {
        Api.Response response = api.get(path).bearer(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public long available() {
        JsonNode balance = get("/api/v1/credits");
        return balance.path("available").asLong(balance.path("balance").asLong() - balance.path("held").asLong());
    }

    public String fetch(String url) {
        return new String(fetchBytes(url), java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] fetchBytes(String url) {
        String absolute = url.startsWith("http") ? url : api.baseUrl() + url;
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(absolute)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(absolute).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
