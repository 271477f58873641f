package dev.atelier.providers.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.platform.ffmpeg.MediaInfo;
import dev.atelier.providers.local.engine.MotionRequest.Resolution;
import dev.atelier.test.OwnProcesses;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionEngineTest {

    static final Ffmpeg FFMPEG = TuneEngineTest.bundled();
    final Ffprobe ffprobe = new Ffprobe(FFMPEG);
    @TempDir Path out;
    @TempDir Path scratch;
    MotionEngine engine;

    @BeforeEach
    void engineWithItsOwnScratchFolder() {
        engine = new MotionEngine(FFMPEG, new SketchEngine(), new TuneEngine(FFMPEG), scratch);
    }

    @Test
    void makesA720pH264VideoWithItsSoundtrack() throws Exception {
        Path video = out.resolve("harbour.mp4");

        MotionResult result = engine.render(new MotionRequest("an upbeat harbour at dawn", 4, 2_000, Resolution.P720, true), video);

        MediaInfo info = ffprobe.probe(video);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.durationMs()).isBetween(1_900L, 2_100L);
        assertThat(result).isEqualTo(new MotionResult("video/mp4", 1280, 720, 2_000));
    }

    @Test
    void aVideoWithoutSoundtrackStillHasAnAudioTrack() throws Exception {
        Path video = out.resolve("quiet.mp4");

        engine.render(new MotionRequest("quiet orbits", 5, 3_500, Resolution.P360, false), video);

        MediaInfo info = ffprobe.probe(video);
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.durationMs()).isBetween(3_400L, 3_600L);
    }

    @Test
    void theCameraMovesOverTheStill() throws Exception {
        Path video = out.resolve("moving.mp4");
        engine.render(new MotionRequest("a mosaic of tiles", 6, 2_000, Resolution.P360, false), video);

        BufferedImage first = frame(video, "0");
        BufferedImage last = frame(video, "1.9");

        assertThat(meanDifference(first, last)).isGreaterThan(3);
    }

    @Test
    void leavesNothingInTheScratchFolder() throws Exception {
        engine.render(new MotionRequest("forest", 1, 2_000, Resolution.P360, true), out.resolve("forest.mp4"));

        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void aFailedRenderLeavesNoFiles() {
        Path unwritable = out.resolve("no-such-folder").resolve("video.mp4");

        assertThatThrownBy(() -> engine.render(new MotionRequest("forest", 1, 2_000, Resolution.P360, true), unwritable))
                .isInstanceOf(FfmpegException.class);
        assertThat(scratch).isEmptyDirectory();
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void cancellingStopsFfmpegAndLeavesNoFiles() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                engine.render(new MotionRequest("a long ocean film", 2, 30_000, Resolution.P720, true), out.resolve("long.mp4"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> OwnProcesses.anyUsing(out));

        worker.interrupt();
        worker.join(Duration.ofSeconds(10));

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(OwnProcesses.using(out)).isEmpty();
        assertThat(scratch).isEmptyDirectory();
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void outOfRangeRequestsAreRejected() {
        assertThatThrownBy(() -> new MotionRequest("short", 1, 1_999, Resolution.P360, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durationMs must be between 2000 and 30000 ms, was 1999");
        assertThatThrownBy(() -> new MotionRequest("long", 1, 30_001, Resolution.P360, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MotionRequest("no size", 1, 5_000, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resolution must be one of");
    }

    private BufferedImage frame(Path video, String atSeconds) throws Exception {
        Path png = out.resolve("frame-" + atSeconds + ".png");
        FFMPEG.run(List.of("-ss", atSeconds, "-i", video.toString(), "-frames:v", "1", png.toString()), Duration.ofSeconds(30));
        return ImageIO.read(png.toFile());
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
