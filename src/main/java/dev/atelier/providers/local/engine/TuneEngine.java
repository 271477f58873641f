package dev.atelier.providers.local.engine;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.Locale;

/**
 * Composes music for a prompt and encodes it as AAC in an .m4a. The synthesizer's PCM streams
 * straight into ffmpeg's stdin, so no more than a pipe's worth of audio is ever held, and no
 * temporary file is written. The same prompt and seed give the same notes and the same audio.
 */
public final class TuneEngine {

    public static final String MEDIA_TYPE = "audio/mp4";
    static final int SAMPLE_RATE = 44_100;
    private static final long FADE_OUT_MS = 2_500;

    private final Ffmpeg ffmpeg;

    public TuneEngine(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public TuneResult render(TuneRequest request, Path output) throws IOException, InterruptedException {
        return render(request, output, done -> { });
    }

    /** @param progress told the fraction (0–1) of the piece encoded so far, from ffmpeg's own count */
    public TuneResult render(TuneRequest request, Path output, DoubleConsumer progress)
            throws IOException, InterruptedException {
        Score score = compose(request);
        long frames = frames(request.durationMs());
        List<String> args = new ArrayList<>(pcmInput());
        args.addAll(List.of("-af", audioFilter(score, request.durationMs()), "-c:a", "aac", "-b:a", "160k",
                "-fflags", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart", "-f", "ipod",
                output.toAbsolutePath().toString()));
        try {
            ffmpeg.runWithProgress(args, timeoutFor(request.durationMs()), stdin -> MidiRenderer.render(score, frames, stdin),
                    micros -> progress.accept(micros / (request.durationMs() * 1000.0)));
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        }
        return new TuneResult(MEDIA_TYPE, request.durationMs());
    }

    /** The notes alone; the motion engine and the tests use them without encoding. */
    Score compose(TuneRequest request) {
        return Composer.compose(PromptWords.of(request.prompt(), request.seed()), request.durationMs());
    }

    /** ffmpeg input arguments that read the synthesizer's PCM from stdin. */
    static List<String> pcmInput() {
        return List.of("-f", "s16le", "-ar", String.valueOf(SAMPLE_RATE), "-ac", "2", "-i", "pipe:0");
    }

    static long frames(long durationMs) {
        return Math.round(durationMs * SAMPLE_RATE / 1000.0);
    }

    /**
     * Evens out loudness (a calm piece is played softly, about 9 dB under an upbeat one, so it is
     * raised), keeps peaks under -1 dBFS, and fades out: the piece is cut at the requested length
     * and would otherwise stop mid-phrase. The limiter's lookahead is compensated to keep the length.
     */
    static String audioFilter(Score score, long durationMs) {
        double gainDb = Math.max(0, (96 - score.mood().velocity()) / 3.0);
        long fade = Math.min(FADE_OUT_MS, durationMs / 4);
        return String.format(Locale.ROOT, "volume=%.1fdB,alimiter=limit=0.89:level=0:latency=1,afade=t=out:st=%.3f:d=%.3f",
                gainDb, (durationMs - fade) / 1000.0, fade / 1000.0);
    }

    /** Rendering runs at many times real time; the deadline only catches a stuck process. */
    static Duration timeoutFor(long durationMs) {
        return Duration.ofSeconds(60).plusMillis(durationMs * 2);
    }
}
