package dev.atelier.providers.local;

import dev.atelier.generation.GenerationProvider;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.platform.PlatformProperties;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.providers.ProvidersProperties;
import dev.atelier.providers.local.engine.MotionEngine;
import dev.atelier.providers.local.engine.MotionRequest;
import dev.atelier.providers.local.engine.SketchEngine;
import dev.atelier.providers.local.engine.SketchRequest;
import dev.atelier.providers.local.engine.TuneEngine;
import dev.atelier.providers.local.engine.TuneRequest;
import dev.atelier.providers.local.engine.VoiceEngine;
import dev.atelier.providers.local.engine.VoiceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The offline models: rendered here, on this node's cores, at once — submit answers with the
 * finished file. At most {@code concurrency} renders run together; a render whose job ends
 * elsewhere is interrupted by the generation engine and stops.
 */
@Component
@ConditionalOnProperty(name = "atelier.providers.local.enabled", havingValue = "true", matchIfMissing = true)
class LocalProvider implements GenerationProvider, DisposableBean {

    private final Semaphore permits;
    private final Path scratch;
    private final SketchEngine sketch = new SketchEngine();
    // made on first use: the bundled ffmpeg needs system libraries (libpulse0), and a machine
    // without them should still start and serve everything else, failing only these renders
    private volatile Engines engines;

    private record Engines(TuneEngine tune, VoiceEngine voice, MotionEngine motion) {
    }

    LocalProvider(ProvidersProperties properties, PlatformProperties platform) throws IOException {
        this.permits = new Semaphore(properties.local().permits(), true);
        this.scratch = Files.createDirectories(platform.dataDirectory().resolve("tmp").resolve("local-models"));
    }

    private Engines engines() throws IOException {
        Engines ready = engines;
        if (ready == null) {
            synchronized (this) {
                if (engines == null) {
                    Ffmpeg ffmpeg = Ffmpeg.bundled();
                    TuneEngine tune = new TuneEngine(ffmpeg);
                    engines = new Engines(tune, new VoiceEngine(ffmpeg), new MotionEngine(ffmpeg, sketch, tune, scratch));
                }
                ready = engines;
            }
        }
        return ready;
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public Submission submit(ProviderRequest request) {
        Path output = null;
        try {
            permits.acquire();
            try {
                output = Files.createTempFile(scratch, "out-", extension(request.model()));
                String mediaType = render(request, output);
                return new Submission.Completed(List.of(new ProviderOutput.LocalFile(output, mediaType)));
            } finally {
                permits.release();
            }
        } catch (IllegalArgumentException e) {
            deleteQuietly(output);
            return new Submission.Failed(ProviderFailure.permanent("invalid_request", e.getMessage()));
        } catch (IOException e) {
            deleteQuietly(output);
            return new Submission.Failed(ProviderFailure.transientFailure("render_failed", e.getMessage(), null));
        } catch (InterruptedException e) {
            deleteQuietly(output);
            Thread.currentThread().interrupt();
            throw new CancellationException("the render was interrupted");
        }
    }

    private String render(ProviderRequest request, Path output) throws IOException, InterruptedException {
        String prompt = request.prompt();
        long seed = request.seed();
        DoubleConsumer progress = done -> request.progress().fraction(done, 0, 99);
        return switch (request.model()) {
            case "local/sketch" -> sketch.render(new SketchRequest(prompt, seed, request.intParam("width", 1024),
                    request.intParam("height", 1024)), output).mediaType();
            case "local/tune" -> engines().tune().render(new TuneRequest(prompt, seed,
                    request.intParam("durationSeconds", 30) * 1000L), output, progress).mediaType();
            case "local/voice" -> engines().voice().render(new VoiceRequest(prompt), output, progress).mediaType();
            case "local/motion" -> engines().motion().render(new MotionRequest(prompt, seed,
                    request.intParam("durationSeconds", 5) * 1000L,
                    "720p".equals(request.textParam("resolution", "360p"))
                            ? MotionRequest.Resolution.P720 : MotionRequest.Resolution.P360,
                    request.flag("soundtrack", false)), output, progress).mediaType();
            default -> throw new IllegalArgumentException("the local provider has no model " + request.model());
        };
    }

    @Override
    public PollResult poll(ProviderRequest request, String providerJobId) {
        return new PollResult.Failed(ProviderFailure.permanent("no_such_job", "local renders are never polled"));
    }

    @Override
    public void cancel(ProviderRequest request, String providerJobId) {
        // nothing to tell: the engine interrupts the render thread when the job ends
    }

    @Override
    public void destroy() {
        if (engines != null) {
            engines.voice().close();
        }
    }

    private static String extension(String model) {
        return switch (model) {
            case "local/sketch" -> ".png";
            case "local/motion" -> ".mp4";
            default -> ".m4a";
        };
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the retention sweep removes stale scratch files
            }
        }
    }
}
