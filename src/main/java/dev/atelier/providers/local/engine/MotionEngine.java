package dev.atelier.providers.local.engine;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.StdinFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Makes a short video: a sketch painted at twice the frame size, filmed with a slow camera move
 * (zoompan; the larger still halves the sub-pixel judder of its whole-pixel crops), over a
 * composed soundtrack or silence. Every output has an audio track, silent or not, so editors and
 * players treat all clips alike. H.264 comes from libopenh264: the bundled ffmpeg has no libx264.
 */
public final class MotionEngine {

    public static final String MEDIA_TYPE = "video/mp4";
    static final int FPS = 30;

    private final Ffmpeg ffmpeg;
    private final SketchEngine sketch;
    private final TuneEngine tune;
    private final Path scratch;

    /** @param scratch where the still is kept while ffmpeg films it; nothing is left there */
    public MotionEngine(Ffmpeg ffmpeg, SketchEngine sketch, TuneEngine tune, Path scratch) {
        this.ffmpeg = ffmpeg;
        this.sketch = sketch;
        this.tune = tune;
        this.scratch = scratch;
    }

    public MotionResult render(MotionRequest request, Path output) throws IOException, InterruptedException {
        return render(request, output, done -> { });
    }

    /**
     * @param progress told the fraction (0–1) done: the still is the first tenth, the rest follows
     *     ffmpeg's count of video written
     */
    public MotionResult render(MotionRequest request, Path output, DoubleConsumer progress)
            throws IOException, InterruptedException {
        int width = request.resolution().width();
        int height = request.resolution().height();
        Path still = Files.createTempFile(scratch, "motion-", ".png");
        try {
            ImageIO.write(sketch.picture(request.prompt(), request.seed(), width * 2, height * 2), "png", still.toFile());
            if (Thread.interrupted()) {
                throw new InterruptedException("video rendering was cancelled");
            }
            progress.accept(0.1);
            film(request, still, output, progress);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        } finally {
            Files.deleteIfExists(still);
        }
        return new MotionResult(MEDIA_TYPE, width, height, request.durationMs());
    }

    private void film(MotionRequest request, Path still, Path output, DoubleConsumer progress)
            throws IOException, InterruptedException {
        int width = request.resolution().width();
        int height = request.resolution().height();
        int frames = (int) Math.round(request.durationMs() * FPS / 1000.0);
        CameraMove move = CameraMove.choose(PromptWords.of(request.prompt(), request.seed()).random("camera"));
        Soundtrack sound = soundtrack(request);
        List<String> args = new ArrayList<>(List.of("-i", still.toAbsolutePath().toString()));
        args.addAll(sound.input());
        args.addAll(List.of(
                "-filter_complex", "[0:v]" + move.filter(frames, width, height, FPS) + ",format=yuv420p[v];"
                        + "[1:a]" + sound.filter() + "[a]",
                "-map", "[v]", "-map", "[a]",
                "-c:v", "libopenh264", "-b:v", request.resolution() == MotionRequest.Resolution.P720 ? "4M" : "1500k",
                "-c:a", "aac", "-b:a", "160k",
                "-t", String.format(Locale.ROOT, "%.3f", request.durationMs() / 1000.0),
                "-fflags", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4",
                output.toAbsolutePath().toString()));
        Duration timeout = Duration.ofSeconds(60).plusMillis(request.durationMs() * 6);
        ffmpeg.runWithProgress(args, timeout, sound.feed(),
                micros -> progress.accept(0.1 + 0.9 * micros / (request.durationMs() * 1000.0)));
    }

    /** ffmpeg's second input, the filter it goes through, and what writes it to stdin (if anything). */
    private record Soundtrack(List<String> input, String filter, StdinFeed feed) {}

    private Soundtrack soundtrack(MotionRequest request) {
        if (!request.soundtrack()) {
            return new Soundtrack(List.of("-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo"), "anull", null);
        }
        // A tune is at least 5 s long; a shorter clip plays its first seconds.
        long composed = Math.max(request.durationMs(), TuneRequest.MIN_DURATION_MS);
        Score score = tune.compose(new TuneRequest(request.prompt(), request.seed(), composed));
        long samples = TuneEngine.frames(request.durationMs());
        return new Soundtrack(TuneEngine.pcmInput(), TuneEngine.audioFilter(score, request.durationMs()),
                stdin -> MidiRenderer.render(score, samples, stdin));
    }
}
