package dev.atelier.render;

import static dev.atelier.render.MediaChecks.colour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Whole-timeline previews and exports through the API, checked frame by frame with ffmpeg. */
@AtelierTest
@TestPropertySource(properties = {"atelier.credits.welcome-credits=1000", "atelier.render.preview-window=2s"})
class PreviewAndExportTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    Studio studio;
    List<UUID> colours = new ArrayList<>();

    @BeforeEach
    void user() {
        studio = new Studio(api, users.signUp().accessToken());
        for (int i = 0; i < 12; i++) {
            colours.add(studio.upload(MediaChecks.colourVideo(colour(i), 2)));
        }
    }

    @Test
    void twelveClipsPreviewAndExportWithEveryClipPresent() {
        Map<String, Object> timeline = Studio.timeline(colours, 1000);
        UUID project = studio.project(320, 180, 25, timeline);

        JsonNode preview = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(preview.get("status").asString()).as(preview.toString()).isEqualTo("succeeded");
        assertThat(preview.get("windows").asInt()).isEqualTo(6);
        MediaChecks.assertEveryClip(studio.previewVideo(preview), 12, 1000);

        Api.Response frame = api.get("/api/v1/projects/" + project + "/frame?atMs=2500&height=180")
                .bearer(studio.token()).send();
        assertThat(frame.status()).as(frame.toString()).isEqualTo(200);
        assertThat(frame.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(MediaChecks.near(MediaChecks.averageColour(frame.bytes()), colour(2))).as("the frame of clip 2").isTrue();
        assertThat(api.get("/api/v1/projects/" + project + "/frame?atMs=12000").bearer(studio.token()).send().status())
                .as("past the end").isEqualTo(422);

        long before = studio.available();
        Api.Response accepted = studio.export(project, "480p", "mp4");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/exports/" + accepted.json().get("id").asString());
        JsonNode export = studio.awaitExport(accepted.json().get("id").asString(), Duration.ofMinutes(2));
        assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");
        assertThat(export.get("progress").asInt()).isEqualTo(100);
        assertThat(export.get("costCharged").asLong()).isEqualTo(12);
        assertThat(studio.available()).isEqualTo(before - 12);
        JsonNode asset = api.get("/api/v1/assets/" + export.get("outputAssetId").asString()).bearer(studio.token())
                .send().json();
        assertThat(asset.get("origin").asString()).isEqualTo("render");
        assertThat(Duration.between(java.time.Instant.parse(asset.get("createdAt").asString()),
                java.time.Instant.parse(asset.get("expiresAt").asString()))).isEqualTo(Duration.ofDays(30)); // then retention
        Path video = studio.download(export);
        assertThat(MediaChecks.durationMs(video)).isBetween(12_000L - 40, 12_000L + 40);
        MediaChecks.assertEveryClip(video, 12, 1000);
    }

    @Test
    void aHundredAndFiftyClipsPreviewAndExportWithEveryClipPresent() {
        List<UUID> assets = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            assets.add(colours.get(i % 12));
        }
        UUID project = studio.project(320, 180, 25, Studio.timeline(assets, 200));

        JsonNode preview = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(preview.get("status").asString()).as(preview.toString()).isEqualTo("succeeded");
        MediaChecks.assertEveryClip(studio.previewVideo(preview), 150, 200);

        JsonNode export = studio.awaitExport(studio.export(project, "480p", "mp4").json().get("id").asString(),
                Duration.ofMinutes(3));
        assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");
        Path video = studio.download(export);
        assertThat(MediaChecks.durationMs(video)).isBetween(30_000L - 40, 30_000L + 40);
        MediaChecks.assertEveryClip(video, 150, 200);
    }

    @Test
    void anUnchangedTimelineIsReadyAtOnceAndAnEditRendersOnlyTheWindowsItTouches() {
        List<UUID> assets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            assets.add(colours.get(i % 12));
        }
        Map<String, Object> timeline = Studio.timeline(assets, 500); // 15 s in 2 s windows: 8 windows (last 1 s)
        UUID project = studio.project(320, 180, 25, timeline);
        JsonNode first = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(first.get("rendered").asInt()).isEqualTo(8);

        JsonNode again = studio.preview(project);
        assertThat(again.get("status").asString()).isEqualTo("succeeded");
        assertThat(again.get("reused").asInt()).isEqualTo(8);
        assertThat(again.get("rendered").asInt()).isZero();

        // clip 9 is [4500, 5000): inside the window [4000, 6000) only
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clips = (List<Map<String, Object>>) ((Map<String, Object>) timeline.get("video")).get("clips");
        Map<String, Object> changed = new LinkedHashMap<>(clips.get(9));
        changed.put("assetId", colours.get(0).toString());
        clips.set(9, changed);
        studio.save(project, timeline);
        JsonNode edited = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(edited.get("rendered").asInt()).isEqualTo(1);
        assertThat(edited.get("reused").asInt()).isEqualTo(7);

        // clip 12 is [6000, 6500): its volume changes the sound of the window [6000, 8000) only
        Map<String, Object> slower = new LinkedHashMap<>(clips.get(12));
        slower.put("volume", 0.5);
        clips.set(12, slower);
        studio.save(project, timeline);
        JsonNode louder = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(louder.get("rendered").asInt()).isEqualTo(1);
    }

}
