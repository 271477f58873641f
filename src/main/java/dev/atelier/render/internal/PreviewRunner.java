package dev.atelier.render.internal;

import dev.atelier.editor.Timeline;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.render.RenderProperties;
import dev.atelier.media.Asset;
import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders a preview's missing windows in timeline order, a few at once, each independently in a
 * work folder of its own (removed however it ends) into the cache, i.e. the shared store, so the
 * node serving the playlist need not be this one. The playlist lists the ready
 * windows from the start, so playback begins after the first. A failure ends the preview with
 * its reason; a node stopping leaves it to run again (windows done stay done).
 */
@Component
class PreviewRunner {

    private static final Logger log = LoggerFactory.getLogger(PreviewRunner.class);
    private static final Duration WINDOW_TIMEOUT = Duration.ofMinutes(5);

    private final PreviewRows rows;
    private final PreviewCache cache;
    private final RenderInputs inputs;
    private final RenderProcess process;
    private final Proxies proxies;
    private final RenderTools tools;
    private final WorkFolders folders;
    private final RenderNotices notices;
    private final RenderProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    PreviewRunner(PreviewRows rows, PreviewCache cache, RenderInputs inputs, RenderProcess process, Proxies proxies, RenderTools tools,
            WorkFolders folders, RenderNotices notices, RenderProperties properties, ObjectMapper json, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.inputs = inputs;
        this.process = process;
        this.proxies = proxies;
        this.tools = tools;
        this.folders = folders;
        this.notices = notices;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    Step run(UUID id) {
        Preview p = rows.find(id).orElse(null);
        if (p == null || !"running".equals(p.status())) {
            return Step.DONE;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, properties.previewParallelism()),
                Thread.ofPlatform().name("preview-" + id.toString().substring(0, 8) + "-", 0).daemon().factory());
        try {
            RenderInputs.Resolved resolved = inputs.resolve(json.readValue(p.timeline(), Timeline.class),
                    p.projectHeight(), p.ownerId());
            RenderInputs.Prepared prepared = inputs.files(resolved);
            Function<Edit.Media, Path> files = viaProxies(resolved, prepared, p.width(), p.height(), p.fps());
            Output output = new Output(p.width(), p.height(), p.fps(), Output.Kind.PREVIEW_SEGMENT);
            Set<String> stored = cache.ready(p.windows());
            AtomicInteger ready = new AtomicInteger((int) p.windows().stream().filter(stored::contains).count());
            List<Future<?>> windows = new ArrayList<>();
            for (int i = 0; i < p.windows().size(); i++) {
                int index = i;
                if (!stored.contains(p.windows().get(i))) {
                    windows.add(pool.submit(() -> {
                        window(p, index, prepared.edit(), files, output);
                        notices.preview(p.ownerId(), id, p.projectId(), "running", ready.incrementAndGet(),
                                p.windows().size());
                        return null;
                    }));
                }
            }
            for (Future<?> window : windows) {
                window.get();
            }
            end(p, "succeeded", null, null);
            return Step.DONE;
        } catch (RenderFailure failure) {
            end(p, "failed", failure.code(), failure.getMessage());
            return Step.DONE;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RenderFailure failure) {
                end(p, "failed", failure.code(), failure.getMessage());
            } else if (cause instanceof InterruptedException) {
                return new Step.Again(Duration.ofSeconds(1));
            } else {
                String reason = cause instanceof FfmpegException f && !f.stderrTail().isBlank()
                        ? "ffmpeg failed: " + f.stderrTail().strip() : String.valueOf(cause.getMessage());
                log.warn("Preview {} failed", id, cause);
                end(p, "failed", "render_failed", reason);
            }
            return Step.DONE;
        } catch (InterruptedException e) {
            log.info("Preview {} was interrupted as this node stops; it goes on later", id);
            return new Step.Again(Duration.ofSeconds(1));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The preview reads each short, larger-than-preview video source through its proxy ({@link Proxies}). */
    private Function<Edit.Media, Path> viaProxies(RenderInputs.Resolved resolved, RenderInputs.Prepared prepared,
            int width, int height, int fps) {
        return media -> {
            Asset asset = resolved.bySha().get(media.sha256());
            if (media.image() || asset == null || !Proxies.worth(asset, width, height)) {
                return prepared.file(media);
            }
            try {
                return proxies.of(asset, prepared.file(media), width, height, fps);
            } catch (RenderFailure e) {
                return prepared.file(media); // interrupted: the window stops anyway
            }
        };
    }

    private void window(Preview p, int index, Edit edit, Function<Edit.Media, Path> files, Output output)
            throws Exception {
        Window window = new Window(p.windowStart(index), p.windowEnds().get(index));
        Invocation invocation;
        try {
            invocation = FilterGraph.build(edit, window, output, tools.encoders());
        } catch (IllegalArgumentException e) {
            throw new RenderFailure("invalid_timeline", "The timeline cannot be rendered: " + e.getMessage());
        }
        long t0 = System.nanoTime();
        String key = p.windows().get(index); // the key the playlist waits for (computed the same way at submit)
        Path work = folders.create("preview-" + p.id().toString().substring(0, 8) + "-" + index);
        try {
            Path segment = work.resolve("segment.ts");
            long t1 = System.nanoTime();
            process.run(invocation, files, work, segment, WINDOW_TIMEOUT, micros -> { });
            long t2 = System.nanoTime();
            cache.put(key, segment);
            rows.rendered(p.id());
            log.debug("Preview window {}: graph {} ms, ffmpeg {} ms, cached {} ms", index, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        } finally {
            folders.delete(work);
        }
    }

    private void end(Preview p, String status, String code, String message) {
        if (rows.finish(p.id(), status, code, message == null || message.length() <= 1000 ? message
                : message.substring(0, 1000), clock.instant())) {
            notices.preview(p.ownerId(), p.id(), p.projectId(), status, "succeeded".equals(status)
                    ? p.windows().size() : 0, p.windows().size());
        }
    }
}
