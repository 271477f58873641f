package dev.atelier.editor;

import static dev.atelier.editor.EditorClient.clip;
import static dev.atelier.editor.EditorClient.timeline;
import static dev.atelier.editor.EditorClient.videoOnly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@AtelierTest
class ProjectsApiTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;

    EditorClient editor;
    TestUsers.TestUser user;
    String token;

    @BeforeEach
    void setUp() {
        editor = new EditorClient(api);
        user = users.signUp();
        token = user.accessToken();
    }

    @Test
    void aNewProjectHasAnEmptyTimelineAVersionAndALocation() {
        Api.Response created = api.post("/api/v1/projects").bearer(token)
                .json(Map.of("name", "  Holiday  ", "output", Map.of("preset", "portrait-1080p", "fps", 25))).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/projects/" + body.get("id").asString());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(body.get("name").asString()).isEqualTo("Holiday");
        assertThat(body.get("output").toString()).isEqualTo("{\"width\":1080,\"height\":1920,\"fps\":25}");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("lengthMs").asLong()).isZero();
        assertThat(body.get("timeline").get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.get("timeline").get("video").get("clips").size()).isZero();

        Api.Response fetched = api.get(created.header("Location")).bearer(token).send();
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).isEqualTo("\"1\"");
        assertThat(fetched.json().get("id")).isEqualTo(body.get("id"));
    }

    @Test
    void anOutputIsAPresetOrAnEvenSizeAndAKnownFrameRate() {
        assertThat(create(Map.of("width", 1280, "height", 720, "fps", 30)).status()).isEqualTo(201);
        assertThat(create(Map.of("width", 640, "height", 360)).json().get("output").get("fps").asInt()).isEqualTo(30);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("width", 641, "height", 360),
                Map.of("width", 4096, "height", 2160), Map.of("width", 640, "height", 360, "fps", 29),
                Map.of("preset", "cinema-4k"), Map.of("preset", "square-720p", "width", 720), Map.of("fps", 30))) {
            Api.Response response = api.post("/api/v1/projects").bearer(token)
                    .json(Map.of("name", "p", "output", bad)).unvalidatedRequest().send(); // wrong on purpose
            assertThat(response.status()).as(bad.toString()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_output");
        }
        Api.Response noName = api.post("/api/v1/projects").bearer(token)
                .json(Map.of("name", " ", "output", Map.of("preset", "square-720p"))).send();
        assertThat(noName.json().get("code").asString()).isEqualTo("invalid_name");
    }

    @Test
    void theListIsNewestFirstInSignedCursorPagesWithoutTimelines() {
        UUID first = editor.created(token, "one");
        UUID second = editor.created(token, "two");
        UUID third = editor.created(token, "three");

        Api.Response page1 = api.get("/api/v1/projects?limit=2").bearer(token).send();
        assertThat(page1.status()).isEqualTo(200);
        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(page1.json().get("hasMore").asBoolean()).isTrue();
        assertThat(page1.json().get("data").get(0).has("timeline")).isFalse();
        assertThat(page1.json().get("data").get(0).get("lengthMs").asLong()).isZero();

        String cursor = page1.json().get("nextCursor").asString();
        Api.Response page2 = api.get("/api/v1/projects?limit=2&cursor=" + cursor).bearer(token).send();
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page2.json().get("hasMore").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/projects?limit=101").bearer(token).unvalidatedRequest().send().json().get("code").asString())
                .isEqualTo("invalid_limit");
        String other = users.signUp().accessToken();
        assertThat(api.get("/api/v1/projects?cursor=" + cursor).bearer(other).send().json().get("code").asString())
                .isEqualTo("invalid_cursor");
        assertThat(ids(api.get("/api/v1/projects").bearer(other).send())).isEmpty();
    }

    @Test
    void savingNeedsTheCurrentVersionAndAnswersTheNext() {
        UUID image = editor.upload(token, TestMedia.png()).id();
        UUID id = editor.created(token, "edit");
        Map<String, Object> timeline = videoOnly(clip("c1", image, 0, 3000));

        Api.Response missing = editor.put(token, id, null, timeline);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("code").asString()).isEqualTo("precondition_required");

        Api.Response saved = editor.put(token, id, "\"1\"", timeline);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"2\"");
        assertThat(saved.json().get("version").asLong()).isEqualTo(2);
        assertThat(saved.json().get("lengthMs").asLong()).isEqualTo(3000);

        Api.Response stale = editor.put(token, id, "\"1\"", videoOnly(clip("c1", image, 0, 5000)));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().get("code").asString()).isEqualTo("version_mismatch");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");

        Api.Response fetched = editor.get(token, id);
        assertThat(fetched.header("ETag")).isEqualTo("\"2\"");
        JsonNode clip = fetched.json().get("timeline").get("video").get("clips").get(0);
        assertThat(clip.get("durationMs").asLong()).isEqualTo(3000);
        assertThat(clip.get("speed").asDouble()).isEqualTo(1.0);
        assertThat(clip.get("fit").asString()).isEqualTo("cover");
        assertThat(clip.get("trimInMs").asLong()).isZero();
        assertThat(fetched.json().get("lengthMs").asLong()).isEqualTo(3000);
    }

    @Test
    void theLengthIsTheClipsMinusTheirTransitionOverlaps() {
        UUID image = editor.upload(token, TestMedia.png()).id();
        UUID id = editor.created(token, "length");
        Map<String, Object> timeline = timeline(
                List.of(clip("a", image, 0, 2000), clip("b", image, 1500, 2000), clip("c", image, 3500, 1000)),
                List.of(Map.of("fromClipId", "a", "toClipId", "b", "type", "fadeblack", "durationMs", 500)),
                List.of(Map.of("id", "t", "text", "Title", "startMs", 0, "durationMs", 9000)), List.of());

        Api.Response saved = editor.save(token, id, timeline);

        assertThat(saved.json().get("lengthMs").asLong()).isEqualTo(2000 + 2000 + 1000 - 500);
        assertThat(saved.json().get("timeline").get("video").get("transitions").get(0).get("type").asString())
                .isEqualTo("fadeblack");
    }

    @Test
    void ofTwoSavesFromTheSameVersionOneWinsAndTheOtherIs412() throws Exception {
        UUID image = editor.upload(token, TestMedia.png()).id();
        UUID id = editor.created(token, "race");
        List<Callable<Integer>> saves = List.of(
                () -> editor.put(token, id, "\"1\"", videoOnly(clip("a", image, 0, 1000))).status(),
                () -> editor.put(token, id, "\"1\"", videoOnly(clip("b", image, 0, 2000))).status());

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> f : pool.invokeAll(saves)) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(editor.get(token, id).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aRenameNeedsNoVersionButAnOutputChangeDoes() {
        UUID id = editor.created(token, "before");

        Api.Response renamed = api.patch("/api/v1/projects/" + id).bearer(token).json(Map.of("name", "after")).send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("after");
        assertThat(renamed.header("ETag")).isEqualTo("\"2\"");

        Map<String, Object> square = Map.of("output", Map.of("preset", "square-1080p"));
        assertThat(api.patch("/api/v1/projects/" + id).bearer(token).json(square).send().status()).isEqualTo(428);
        Api.Response stale = api.patch("/api/v1/projects/" + id).bearer(token).header("If-Match", "\"1\"").json(square).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);

        Api.Response changed = api.patch("/api/v1/projects/" + id).bearer(token).header("If-Match", "\"2\"").json(square).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("output").get("width").asInt()).isEqualTo(1080);
        assertThat(changed.json().get("name").asString()).isEqualTo("after");

        Api.Response nothing = api.patch("/api/v1/projects/" + id).bearer(token).json(Map.of()).send();
        assertThat(nothing.json().get("code").asString()).isEqualTo("nothing_to_change");
    }

    @Test
    void aDuplicateIsANewProjectWithTheSameTimeline() {
        UUID image = editor.upload(token, TestMedia.png()).id();
        UUID id = editor.created(token, "original");
        editor.save(token, id, videoOnly(clip("c1", image, 0, 2500)));

        Api.Response copy = api.post("/api/v1/projects/" + id + "/duplicate").bearer(token).send();

        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        UUID copyId = UUID.fromString(copy.json().get("id").asString());
        assertThat(copyId).isNotEqualTo(id);
        assertThat(copy.header("Location")).isEqualTo("/api/v1/projects/" + copyId);
        assertThat(copy.json().get("name").asString()).isEqualTo("original (copy)");
        assertThat(copy.json().get("version").asLong()).isEqualTo(1);
        assertThat(copy.json().get("timeline")).isEqualTo(editor.get(token, id).json().get("timeline"));

        Api.Response named = api.post("/api/v1/projects/" + id + "/duplicate").bearer(token)
                .json(Map.of("name", "Variant B")).send();
        assertThat(named.json().get("name").asString()).isEqualTo("Variant B");
    }

    @Test
    void aDeletedProjectIsGone() {
        UUID id = editor.created(token, "doomed");

        assertThat(api.delete("/api/v1/projects/" + id).bearer(token).send().status()).isEqualTo(204);

        assertThat(editor.get(token, id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/projects/" + id).bearer(token).send().status()).isEqualTo(404);
    }

    @Test
    void anotherUsersProjectIsNotFoundWhateverTheyDo() {
        UUID id = editor.created(token, "mine");
        String other = users.signUp().accessToken();

        assertThat(editor.get(other, id).status()).isEqualTo(404);
        assertThat(editor.put(other, id, "\"1\"", videoOnly()).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/projects/" + id).bearer(other).json(Map.of("name", "x")).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/projects/" + id + "/duplicate").bearer(other).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/projects/" + id).bearer(other).send().status()).isEqualTo(404);
        assertThat(editor.get(token, id).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void apiKeysNeedTheProjectsScopes() {
        UUID id = editor.created(token, "scoped");
        String reader = users.apiKey(user, "projects:read");
        String writer = users.apiKey(user, "projects:write");
        String library = users.apiKey(user, "library:read");

        assertThat(editor.get(reader, id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects").bearer(reader).send().status()).isEqualTo(200);
        assertThat(editor.create(reader, "no").status()).isEqualTo(403);
        assertThat(editor.create(writer, "yes").status()).isEqualTo(201);
        assertThat(editor.put(writer, id, "\"1\"", videoOnly()).status()).isEqualTo(200);
        assertThat(editor.get(library, id).status()).isEqualTo(403);
    }

    @Test
    void anUnknownProjectIdIsNotFound() {
        assertThat(editor.get(token, UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/projects/not-a-uuid").bearer(token).unvalidatedRequest().send().status()).isEqualTo(400);
        assertThat(api.get("/api/v1/projects").send().status()).isEqualTo(401);
    }

    private Api.Response create(Map<String, Object> output) {
        return api.post("/api/v1/projects").bearer(token).json(Map.of("name", "p", "output", output)).send();
    }

    private static List<UUID> ids(Api.Response page) {
        return page.json().get("data").valueStream().map(p -> UUID.fromString(p.get("id").asString())).toList();
    }
}
