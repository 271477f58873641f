package dev.atelier.providers.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.platform.ffmpeg.MediaInfo;
import dev.atelier.test.OwnProcesses;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneEngineTest {

    static final Ffmpeg FFMPEG = bundled();
    final TuneEngine engine = new TuneEngine(FFMPEG);
    final Ffprobe ffprobe = new Ffprobe(FFMPEG);
    @TempDir Path dir;

    @Test
    void composesAnM4aOfTheRequestedLength() throws Exception {
        Path out = dir.resolve("theme.m4a");

        TuneResult result = engine.render(new TuneRequest("a gentle flute melody", 1, 5_000), out);

        MediaInfo info = ffprobe.probe(out);
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.hasVideo()).isFalse();
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.durationMs()).isBetween(4_900L, 5_100L);
        assertThat(result).isEqualTo(new TuneResult("audio/mp4", 5_000));
    }

    @Test
    void theLongestPieceLastsExactlyTwoMinutes() throws Exception {
        Path out = dir.resolve("long.m4a");

        engine.render(new TuneRequest("upbeat happy guitar with drums", 2, 120_000), out);

        assertThat(ffprobe.probe(out).durationMs()).isBetween(119_950L, 120_050L);
    }

    @Test
    void sameSeedAndPromptGiveTheSameMusic() throws Exception {
        TuneRequest request = new TuneRequest("sad strings in the rain", 7, 6_000);
        Path first = dir.resolve("first.m4a");
        Path second = dir.resolve("second.m4a");

        engine.render(request, first);
        engine.render(request, second);

        assertThat(midi(engine.compose(request).sequence())).isEqualTo(midi(engine.compose(request).sequence()));
        assertThat(Files.readAllBytes(first)).as("same notes, same audio, same encoding").isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void anotherSeedGivesOtherNotes() throws Exception {
        Sequence one = engine.compose(new TuneRequest("sad strings in the rain", 7, 6_000)).sequence();
        Sequence other = engine.compose(new TuneRequest("sad strings in the rain", 8, 6_000)).sequence();

        assertThat(midi(one)).isNotEqualTo(midi(other));
    }

    @Test
    void wordsSetTempoModeInstrumentsAndDrums() {
        Mood calm = mood("a calm sad piano piece");
        Mood lively = mood("fast happy guitar");
        Mood quiet = mood("fast happy flute with no drums");

        assertThat(calm.bpm()).isLessThan(80);
        assertThat(calm.minor()).isTrue();
        assertThat(calm.drums()).isFalse();
        assertThat(calm.leadProgram()).isZero();
        assertThat(lively.bpm()).isGreaterThanOrEqualTo(120);
        assertThat(lively.minor()).isFalse();
        assertThat(lively.drums()).isTrue();
        assertThat(lively.leadProgram()).isEqualTo(24);
        assertThat(quiet.drums()).isFalse();
        assertThat(quiet.leadProgram()).isEqualTo(73);
    }

    @Test
    void durationsOutsideFiveSecondsToTwoMinutesAreRejected() {
        assertThatThrownBy(() -> new TuneRequest("short", 1, 4_999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durationMs must be between 5000 and 120000 ms, was 4999");
        assertThatThrownBy(() -> new TuneRequest("long", 1, 120_001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellingStopsFfmpegAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("cancelled.m4a");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                engine.render(new TuneRequest("a long calm piano", 3, 120_000), out);
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
    void aFailedEncodingLeavesNoFile() {
        Path out = dir.resolve("no-such-folder").resolve("tune.m4a");

        assertThatThrownBy(() -> engine.render(new TuneRequest("a tune", 1, 5_000), out))
                .isInstanceOf(FfmpegException.class);
        assertThat(dir).isEmptyDirectory();
    }

    private static Mood mood(String prompt) {
        return Composer.compose(PromptWords.of(prompt, 1), 5_000).mood();
    }

    private static byte[] midi(Sequence sequence) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MidiSystem.write(sequence, 1, bytes);
        return bytes.toByteArray();
    }

    static Ffmpeg bundled() {
        try {
            return Ffmpeg.bundled();
        } catch (FfmpegException e) {
            throw new IllegalStateException(e);
        }
    }
}
