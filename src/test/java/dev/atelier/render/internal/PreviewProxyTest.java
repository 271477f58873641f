package dev.atelier.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.PlatformProperties;
import dev.atelier.render.MediaChecks;
import dev.atelier.render.Studio;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A preview reads sources larger than itself through small proxies, and still shows every clip. */
@AtelierTest
class PreviewProxyTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    PlatformProperties platform;

    @Test
    void aPreviewOfLargeSourcesReadsTheirProxiesAndShowsEveryClip() throws Exception {
        Studio studio = new Studio(api, users.signUp().accessToken());
        List<UUID> clips = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clips.add(studio.upload(large(MediaChecks.colour(i))));
        }
        UUID project = studio.project(1280, 720, 30, Studio.timeline(clips, 1500));

        JsonNode preview = studio.awaitPreview(studio.preview(project).get("id").asString());
        assertThat(preview.get("status").asString()).as(preview.toString()).isEqualTo("succeeded");
        MediaChecks.assertEveryClip(studio.previewVideo(preview), 4, 1500);
        try (Stream<Path> files = Files.list(platform.dataDirectory().resolve("render").resolve("inputs"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.contains(".proxy-")))
                    .as("one proxy per source, at the preview's size and rate").hasSize(4)
                    .allSatisfy(name -> assertThat(name).endsWith(".proxy-640x360-15fps.mkv"));
        }
    }

    /** A 1280x720 colour video with sound, 2 s. */
    private static Path large(String hex) throws Exception {
        Path file = Files.createTempFile("large-" + hex + "-", ".mp4");
        MediaChecks.ffmpeg().run(List.of("-f", "lavfi", "-i", "color=c=0x" + hex + ":s=1280x720:r=30:d=2", "-f",
                "lavfi", "-i", "sine=frequency=330:sample_rate=48000:duration=2", "-c:v", "libopenh264", "-b:v", "1M",
                "-c:a", "aac", "-shortest", file.toString()), Duration.ofMinutes(1));
        return file;
    }
}
