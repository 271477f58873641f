package dev.atelier.providers.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.platform.ffmpeg.MediaInfo;
import dev.atelier.test.OwnProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceEngineTest {

    static final String SENTENCE = "The lighthouse keeper wrote one letter every evening, and sent none of them. ";
    static final Ffmpeg FFMPEG = TuneEngineTest.bundled();
    static final VoiceEngine ENGINE = new VoiceEngine(FFMPEG);
    final Ffprobe ffprobe = new Ffprobe(FFMPEG);
    @TempDir Path dir;

    @AfterAll
    static void releaseTheVoice() {
        ENGINE.close();
    }

    @Test
    void speaksTheTextIntoAnM4aAsLongAsTheSpeech() throws Exception {
        Path out = dir.resolve("letter.m4a");

        VoiceResult result = ENGINE.render(new VoiceRequest(SENTENCE), out);

        MediaInfo info = ffprobe.probe(out);
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.hasVideo()).isFalse();
        assertThat(result.mediaType()).isEqualTo("audio/mp4");
        assertThat(result.durationMs()).isBetween(2_000L, 10_000L);
        assertThat(info.durationMs()).isBetween(result.durationMs() - 100, result.durationMs() + 100);
    }

    @Test
    void moreTextTakesLongerToSay() throws Exception {
        long shortText = ENGINE.render(new VoiceRequest("Hello."), dir.resolve("short.m4a")).durationMs();
        long longText = ENGINE.render(new VoiceRequest(SENTENCE.repeat(3)), dir.resolve("long.m4a")).durationMs();

        assertThat(shortText).isPositive();
        assertThat(longText).isGreaterThan(shortText * 5);
    }

    @Test
    void callsAtTheSameTimeTakeTurnsWithTheOneVoice() throws Exception {
        long alone = ENGINE.render(new VoiceRequest(SENTENCE), dir.resolve("alone.m4a")).durationMs();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<VoiceResult>> both = List.of(
                    pool.submit(() -> ENGINE.render(new VoiceRequest(SENTENCE), dir.resolve("a.m4a"))),
                    pool.submit(() -> ENGINE.render(new VoiceRequest(SENTENCE), dir.resolve("b.m4a"))));

            for (Future<VoiceResult> result : both) {
                assertThat(result.get().durationMs()).isEqualTo(alone);
            }
        }
        assertThat(ffprobe.probe(dir.resolve("b.m4a")).durationMs()).isBetween(alone - 100, alone + 100);
    }

    @Test
    void cancellingStopsTheSpeechAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("cancelled.m4a");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                ENGINE.render(new VoiceRequest(SENTENCE.repeat(60)), out);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> OwnProcesses.anyUsing(dir));

        worker.interrupt();
        worker.join(Duration.ofSeconds(10));

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(OwnProcesses.using(dir)).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void blankOrOverlongTextIsRejected() {
        assertThatThrownBy(() -> new VoiceRequest(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text must not be blank");
        assertThatThrownBy(() -> new VoiceRequest("a".repeat(5_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text must be at most 5000 characters, was 5001");
    }
}
