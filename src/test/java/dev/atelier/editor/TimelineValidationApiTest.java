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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The rules over HTTP: each broken rule is a 422 invalid_timeline naming the member; nothing is saved. */
@AtelierTest
class TimelineValidationApiTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;

    EditorClient editor;
    String token;
    UUID project;
    EditorClient.Uploaded video;
    EditorClient.Uploaded image;
    EditorClient.Uploaded sound;

    @BeforeEach
    void setUp() {
        editor = new EditorClient(api);
        token = users.signUp().accessToken();
        project = editor.created(token, "rules");
        video = editor.upload(token, TestMedia.mp4());
        image = editor.upload(token, TestMedia.png());
        sound = editor.upload(token, TestMedia.m4a());
    }

    @Test
    void assetsMustBeTheCallersAndOfAUsableKind() {
        UUID othersImage = editor.upload(users.signUp().accessToken(), TestMedia.png()).id();
        Map<String, Object> music = Map.of("id", "m", "role", "music", "clips", List.of(clip("m1", image.id(), 0, 1000)));
        Map<String, Object> timeline = timeline(
                List.of(clip("a", othersImage, 0, 1000), clip("b", sound.id(), 1000, 1000),
                        clip("c", UUID.randomUUID(), 2000, 1000)),
                List.of(), List.of(), List.of(music));

        assertProblems(timeline, Map.of(
                "$.video.clips[0].assetId", "asset_not_found",
                "$.video.clips[1].assetId", "wrong_asset_kind",
                "$.video.clips[2].assetId", "asset_not_found",
                "$.audio[0].clips[0].assetId", "wrong_asset_kind"));
    }

    @Test
    void aTrimPastTheSourcesEndIsRefused() {
        Map<String, Object> clip = clip("a", video.id(), 0, 1000);
        clip.put("trimInMs", video.durationMs() - 500);
        Map<String, Object> voice = clip("v1", sound.id(), 0, sound.durationMs() + 1000);
        Map<String, Object> looped = clip("v2", sound.id(), sound.durationMs() + 1000, 10_000);
        looped.put("loop", true);

        assertProblems(timeline(List.of(clip), List.of(), List.of(),
                List.of(Map.of("id", "vo", "role", "voiceover", "clips", List.of(voice, looped)))), Map.of(
                "$.video.clips[0].trimInMs", "past_source_end",
                "$.audio[0].clips[0].trimInMs", "past_source_end"));
    }

    @Test
    void overlapsAndTransitionsFollowTheRules() {
        Map<String, Object> overlapping = videoOnly(clip("a", image.id(), 0, 2000), clip("b", image.id(), 1500, 2000));
        assertProblems(overlapping, Map.of("$.video.clips[1].startMs", "overlap"));

        Map<String, Object> tooLong = timeline(List.of(clip("a", image.id(), 0, 2000), clip("b", image.id(), 800, 1000)),
                List.of(Map.of("fromClipId", "a", "toClipId", "b", "type", "crossfade", "durationMs", 1200)),
                List.of(), List.of());
        assertProblems(tooLong, Map.of("$.video.transitions[0].durationMs", "transition_too_long"));

        Map<String, Object> notNeighbours = timeline(
                List.of(clip("a", image.id(), 0, 2000), clip("b", image.id(), 2000, 2000), clip("c", image.id(), 4000, 2000)),
                List.of(Map.of("fromClipId", "a", "toClipId", "c", "durationMs", 500)), List.of(), List.of());
        assertProblems(notNeighbours, Map.of("$.video.transitions[0]", "transition_not_neighbours"));
    }

    @Test
    void limitsOnClipsAndLength() {
        List<Map<String, Object>> many = new ArrayList<>();
        IntStream.range(0, 501).forEach(i -> many.add(clip("c" + i, image.id(), i * 100L, 100)));
        assertProblems(timeline(many, List.of(), List.of(), List.of()), Map.of("$.video.clips", "too_many_clips"));

        assertProblems(videoOnly(clip("a", image.id(), 3_000_000, 700_000)), Map.of("$.video", "timeline_too_long"));
    }

    @Test
    void textRules() {
        Map<String, Object> tooLong = new HashMap<>(Map.of("id", "t1", "text", "x".repeat(501), "startMs", 0, "durationMs", 1000));
        Map<String, Object> badColour = new HashMap<>(Map.of("id", "t2", "text", "ok", "color", "red", "startMs", 0, "durationMs", 1000));
        Map<String, Object> sameId = new HashMap<>(Map.of("id", "t2", "text", "ok", "startMs", 0, "durationMs", 1000));
        assertProblems(timeline(List.of(), List.of(), List.of(tooLong, badColour, sameId), List.of()), Map.of(
                "$.text[0].text", "text_too_long",
                "$.text[1].color", "invalid_color",
                "$.text[2].id", "duplicate_id"));
    }

    @Test
    void anUnknownFontOrMemberOrAWrongTypeIsNamedByPath() {
        Map<String, Object> text = Map.of("id", "t1", "text", "hi", "font", "comic-sans", "startMs", 0, "durationMs", 1000);
        assertProblems(timeline(List.of(), List.of(), List.of(text), List.of()), Map.of("$.text[0].font", "unknown_font"));

        Map<String, Object> typo = clip("a", image.id(), 0, 1000);
        typo.put("trimIn", 5);
        assertProblems(videoOnly(typo), Map.of("$.video.clips[0].trimIn", "unknown_member"));

        Map<String, Object> text2 = clip("a", image.id(), 0, 1000);
        text2.put("startMs", "soon");
        assertProblems(videoOnly(text2), Map.of("$.video.clips[0].startMs", "wrong_type"));

        Map<String, Object> fraction = clip("a", image.id(), 0, 1000);
        fraction.put("durationMs", 1000.5);
        assertProblems(videoOnly(fraction), Map.of("$.video.clips[0].durationMs", "wrong_type"));

        Map<String, Object> fit = clip("a", image.id(), 0, 1000);
        fit.put("fit", "stretch");
        assertProblems(videoOnly(fit), Map.of("$.video.clips[0].fit", "invalid_value"));
    }

    @Test
    void aBodyThatIsNotJsonIs400AndOneOverAMegabyteIs413() {
        Api.Response garbage = api.put("/api/v1/projects/" + project + "/timeline").bearer(token)
                .header("If-Match", "\"1\"").raw("application/json", "this is not json").unvalidatedRequest().send();
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("code").asString()).isEqualTo("malformed_body");

        String huge = "{\"text\":[{\"id\":\"t\",\"text\":\"" + "x".repeat(1_100_000) + "\"}]}";
        Api.Response tooLarge = api.put("/api/v1/projects/" + project + "/timeline").bearer(token)
                .header("If-Match", "\"1\"").raw("application/json", huge).unvalidatedRequest().send();
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(editor.get(token, project).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aValidTimelineWithEveryKindOfClipIsSaved() {
        Map<String, Object> still = clip("b", image.id(), 1500, 2000);
        still.put("motion", Map.of("zoomFrom", 1.0, "zoomTo", 1.3));
        Map<String, Object> timeline = timeline(List.of(clip("a", video.id(), 0, 2000), still),
                List.of(Map.of("fromClipId", "a", "toClipId", "b", "type", "slideleft", "durationMs", 500)),
                List.of(Map.of("id", "t", "text", "Hello\nworld", "font", "sans-bold", "color", "#ffcc00",
                        "box", Map.of("opacity", 0.4), "startMs", 0, "durationMs", 3000, "fadeInMs", 200)),
                List.of(Map.of("id", "music", "role", "music", "clips", List.of(Map.of("id", "m1",
                        "assetId", sound.id().toString(), "startMs", 0, "durationMs", 3500, "loop", true, "fadeOutMs", 1000))),
                        Map.of("id", "vo", "role", "voiceover", "clips", List.of(clip("v1", video.id(), 500, 1000)))));
        timeline.put("ducking", Map.of("enabled", true, "db", 10));

        Api.Response saved = editor.save(token, project, timeline);

        JsonNode t = saved.json().get("timeline");
        assertThat(saved.json().get("lengthMs").asLong()).isEqualTo(3500);
        assertThat(t.get("text").get(0).get("box").get("color").asString()).isEqualTo("#000000");
        assertThat(t.get("ducking").get("db").asInt()).isEqualTo(10);
        assertThat(t.get("video").get("clips").get(1).get("motion").get("xTo").asDouble()).isEqualTo(0.5);
    }

    private void assertProblems(Map<String, Object> timeline, Map<String, String> expected) {
        Api.Response response = editor.putInvalid(token, project, "\"1\"", timeline);
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).isEqualTo("invalid_timeline");
        Map<String, String> found = new HashMap<>();
        body.get("errors").forEach(e -> {
            assertThat(e.get("message").asString()).isNotBlank();
            found.put(e.get("path").asString(), e.get("code").asString());
        });
        assertThat(found).as(response.toString()).isEqualTo(expected);
        assertThat(editor.get(token, project).json().get("version").asLong()).isEqualTo(1);
    }
}
