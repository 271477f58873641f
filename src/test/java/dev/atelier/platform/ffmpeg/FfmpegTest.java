package dev.atelier.platform.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.test.OwnProcesses;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {

    static final Duration GENEROUS = Duration.ofSeconds(30);

    final Ffmpeg ffmpeg = Ffmpeg.bundled();
    final Ffprobe ffprobe = new Ffprobe(ffmpeg);
    @TempDir Path dir;

    FfmpegTest() throws Exception {
    }

    /**
     * Reads an endless silent source at real-time speed: a run that only a deadline ends. Its
     * output (the null muxer writes nothing) names this test's folder, so it is found among the
     * JVM's children.
     */
    List<String> endless() {
        return List.of("-re", "-f", "lavfi", "-i", "anullsrc", "-f", "null", dir.resolve("endless").toString());
    }

    @AfterEach
    void noToolProcessOrHelperThreadOutlivesItsRun() {
        assertThat(OwnProcesses.using(dir)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().startsWith("ffmpeg-") || thread.getName().startsWith("ffprobe-"))
                .isEmpty();
    }

    @Test
    void locatesBothBundledBinariesOnce() throws Exception {
        Ffmpeg again = Ffmpeg.bundled();
        assertThat(again.ffmpegBinary()).isEqualTo(ffmpeg.ffmpegBinary()).isExecutable();
        assertThat(again.ffprobeBinary()).isEqualTo(ffmpeg.ffprobeBinary()).isExecutable();
    }

    @Test
    void aFailingRunQuotesWhatFfmpegSaidOnStderr() {
        Path missing = dir.resolve("missing.wav");
        assertThatThrownBy(() -> ffmpeg.run(List.of("-i", missing.toString(), dir.resolve("out.m4a").toString()), GENEROUS))
                .isInstanceOf(FfmpegException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("No such file or directory")
                .satisfies(e -> assertThat(((FfmpegException) e).stderrTail()).contains("missing.wav"));
    }

    @Test
    void aRunPastItsDeadlineIsStoppedAndSaysSo() {
        assertThatThrownBy(() -> ffmpeg.run(endless(), Duration.ofMillis(300)))
                .isInstanceOf(FfmpegException.class)
                .hasMessageContaining("timed out after PT0.3S");
    }

    @Test
    void interruptingTheCallerKillsTheProcess() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                ffmpeg.run(endless(), GENEROUS);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> OwnProcesses.anyUsing(dir));
        caller.interrupt();
        caller.join(Duration.ofSeconds(10));
        assertThat(caller.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void encodesWhatTheFeedWritesToStdin() throws Exception {
        Path out = dir.resolve("tone.m4a");
        byte[] oneSecondOfSilence = new byte[44_100 * 2 * 2];
        ffmpeg.run(List.of("-f", "s16le", "-ar", "44100", "-ac", "2", "-i", "pipe:0", "-c:a", "aac", out.toString()),
                GENEROUS, stdin -> stdin.write(oneSecondOfSilence));

        MediaInfo info = ffprobe.probe(out);
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.durationMs()).isBetween(950L, 1050L);
    }

    @Test
    void aFailingFeedStopsFfmpegBeforeItFinishesATruncatedFile() {
        Path out = dir.resolve("truncated.m4a");
        StdinFeed brokenSource = (OutputStream stdin) -> {
            stdin.write(new byte[8192]);
            throw new IllegalStateException("the synthesizer broke");
        };
        assertThatThrownBy(() -> ffmpeg.run(
                List.of("-f", "s16le", "-ar", "44100", "-ac", "2", "-i", "pipe:0", out.toString()), GENEROUS, brokenSource))
                .isInstanceOf(FfmpegException.class)
                .hasMessageContaining("writing its input failed")
                .hasRootCauseMessage("the synthesizer broke");
    }

    @Test
    void writesStdoutToAFileWhenAsked() throws Exception {
        Path raw = dir.resolve("frame.rgb");
        ffmpeg.runToFile(List.of("-f", "lavfi", "-i", "color=red:size=4x2", "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"), GENEROUS, raw);
        assertThat(Files.size(raw)).isEqualTo(4 * 2 * 3);
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> ffmpeg.run(List.of("-version"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout must be positive");
    }
}
