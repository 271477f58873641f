package dev.atelier.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Projects and timelines as a client writes them: plain JSON maps over real HTTP. */
final class EditorClient {

    private final Api api;

    EditorClient(Api api) {
        this.api = api;
    }

    record Uploaded(UUID id, long durationMs) {
    }

    Uploaded upload(String token, Path file) {
        Api.Response response = dev.atelier.media.Uploads.upload(api, token, file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Uploaded(UUID.fromString(response.json().get("id").asString()),
                response.json().path("durationMs").asLong(0));
    }

    Api.Response create(String token, String name) {
        return api.post("/api/v1/projects").bearer(token)
                .json(Map.of("name", name, "output", Map.of("preset", "landscape-720p"))).send();
    }

    UUID created(String token, String name) {
        Api.Response response = create(token, name);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    Api.Response get(String token, UUID id) {
        return api.get("/api/v1/projects/" + id).bearer(token).send();
    }

    /** A timeline that is wrong on purpose: the request is not judged against the API description. */
    Api.Response putInvalid(String token, UUID id, String etag, Object timeline) {
        return api.put("/api/v1/projects/" + id + "/timeline").bearer(token).json(timeline)
                .header("If-Match", etag).unvalidatedRequest().send();
    }

    Api.Response put(String token, UUID id, String etag, Object timeline) {
        Api.Call call = api.put("/api/v1/projects/" + id + "/timeline").bearer(token).json(timeline);
        if (etag != null) {
            call.header("If-Match", etag);
        }
        return call.send();
    }

    /** PUTs with the current ETag and expects success. */
    Api.Response save(String token, UUID id, Object timeline) {
        String etag = get(token, id).header("ETag");
        Api.Response response = put(token, id, etag, timeline);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    static Map<String, Object> clip(String id, UUID asset, long start, long duration) {
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("id", id);
        clip.put("assetId", asset.toString());
        clip.put("startMs", start);
        clip.put("durationMs", duration);
        return clip;
    }

    static Map<String, Object> timeline(List<Map<String, Object>> clips, List<Map<String, Object>> transitions,
            List<Map<String, Object>> text, List<Map<String, Object>> audio) {
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("schemaVersion", 1);
        timeline.put("video", Map.of("clips", clips, "transitions", transitions));
        timeline.put("text", text);
        timeline.put("audio", audio);
        return timeline;
    }

    static Map<String, Object> videoOnly(Map<String, Object>... clips) {
        return timeline(new ArrayList<>(List.of(clips)), List.of(), List.of(), List.of());
    }
}
