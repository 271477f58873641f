package dev.atelier.render.internal;

import dev.atelier.editor.Timeline;
import dev.atelier.media.SharedFiles;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.platform.node.NodeProperties;
import dev.atelier.render.RenderProperties;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders one piece of a chunked export, run by the {@code run-export-chunk} task on whichever render
 * node claims it: a time chunk of the picture (the export's encoder settings, starting on a key
 * frame) or the sound of the whole timeline, into the shared store. A node renders at most
 * {@code chunks.per-node} pieces at once; a busy node leaves the piece for a moment, to itself or
 * another node. A node that dies stops heartbeating and db-scheduler runs the piece again elsewhere
 * (the row says running; the attempt is counted). A watcher reports progress and stops ffmpeg when
 * the export ends meanwhile (canceled, past its deadline, failed in another piece).
 */
@Component
class ChunkRunner {

    private static final Logger log = LoggerFactory.getLogger(ChunkRunner.class);
    private static final Duration WATCH = Duration.ofMillis(500);
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final ExportRows exports;
    private final ExportChunkRows chunks;
    private final RenderTransitions transitions;
    private final RenderInputs inputs;
    private final RenderProcess process;
    private final RenderTools tools;
    private final WorkFolders folders;
    private final SharedFiles shared;
    private final ObjectMapper json;
    private final Clock clock;
    private final Semaphore slots;
    private final String node;

    ChunkRunner(ExportRows exports, ExportChunkRows chunks, RenderTransitions transitions, RenderInputs inputs,
            RenderProcess process, RenderTools tools, WorkFolders folders, SharedFiles shared, ObjectMapper json,
            Clock clock, RenderProperties properties, NodeProperties nodeProperties) {
        this.node = nodeProperties.name();
        this.exports = exports;
        this.chunks = chunks;
        this.transitions = transitions;
        this.inputs = inputs;
        this.process = process;
        this.tools = tools;
        this.folders = folders;
        this.shared = shared;
        this.json = json;
        this.clock = clock;
        this.slots = new Semaphore(Math.max(1, properties.chunks().perNode()));
    }

    /** {@code instance} is {@code <export id>.<n>}. */
    Step run(String instance) {
        int dot = instance.lastIndexOf('.');
        UUID exportId = UUID.fromString(instance.substring(0, dot));
        int n = Integer.parseInt(instance.substring(dot + 1));
        Export e = exports.find(exportId).orElse(null);
        ExportChunk chunk = chunks.find(exportId, n).orElse(null);
        if (e == null || e.status() != RenderStatus.RUNNING || chunk == null || chunk.done() || chunk.failed()
                || !clock.instant().isBefore(e.deadline())) {
            return Step.DONE; // ended, or the sweeper ends it past its deadline
        }
        if (!slots.tryAcquire()) {
            return new Step.Again(BUSY);
        }
        try {
            if (!chunks.start(exportId, n, node, clock.instant())) {
                return Step.DONE;
            }
            return render(e, chunk);
        } finally {
            slots.release();
        }
    }

    private Step render(Export e, ExportChunk chunk) {
        Path work = null;
        RenderInputs.Prepared prepared = null;
        AtomicLong micros = new AtomicLong();
        Thread renderer = Thread.currentThread();
        Thread watcher = Thread.ofVirtual().name("chunk-watch-" + chunk.instanceId())
                .start(() -> watch(e, chunk, micros, renderer));
        try {
            work = folders.create("chunk-" + chunk.instanceId());
            RenderInputs.Resolved resolved = inputs.resolve(json.readValue(e.timeline(), Timeline.class),
                    e.projectHeight(), e.ownerId());
            Output output = new Output(e.width(), e.height(), e.fps(),
                    chunk.sound() ? Output.Kind.SOUND : Output.Kind.VIDEO_CHUNK);
            Invocation invocation = build(resolved, new Window(chunk.fromMs(), chunk.toMs()), output);
            prepared = inputs.files(resolved, invocation);
            Path target = work.resolve(chunk.sound() ? "sound.m4a" : "chunk.mp4");
            Duration left = Duration.between(clock.instant(), e.deadline());
            if (left.isNegative() || left.isZero()) {
                return Step.DONE; // the sweeper ends it
            }
            process.run(invocation, prepared::file, work, target, left, micros::set);
            UUID file = shared.put(target);
            if (!chunks.done(e.id(), chunk.n(), file, clock.instant())) {
                shared.delete(file); // the export ended meanwhile: nothing keeps the piece
            }
            return Step.DONE;
        } catch (RenderFailure failure) {
            fail(e, chunk, failure.code(), failure.getMessage());
            return Step.DONE;
        } catch (InterruptedException | FfmpegException stopped) {
            boolean interrupted = Thread.interrupted() || stopped instanceof InterruptedException;
            if (exports.find(e.id()).map(now -> now.status() != RenderStatus.RUNNING).orElse(true)) {
                return Step.DONE;
            }
            if (interrupted) {
                log.info("Chunk {} was interrupted as this node stops; it runs again", chunk.instanceId());
                return new Step.Again(Duration.ofSeconds(1));
            }
            if (prepared != null) {
                inputs.discard(prepared); // a bad local copy must not fail every later render
            }
            String reason = stopped instanceof FfmpegException f && !f.stderrTail().isBlank()
                    ? "ffmpeg failed: " + f.stderrTail().strip() : "ffmpeg failed: " + stopped.getMessage();
            fail(e, chunk, "render_failed", reason);
            return Step.DONE;
        } catch (IOException | RuntimeException failure) {
            log.warn("Chunk {} failed", chunk.instanceId(), failure);
            fail(e, chunk, "render_failed", "The render failed: " + failure.getMessage());
            return Step.DONE;
        } finally {
            watcher.interrupt();
            try {
                watcher.join(Duration.ofSeconds(2));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            folders.delete(work);
        }
    }

    private Invocation build(RenderInputs.Resolved resolved, Window window, Output output) throws RenderFailure {
        try {
            return FilterGraph.build(resolved.edit(), window, output, tools.encoders());
        } catch (IllegalArgumentException e) {
            throw new RenderFailure("invalid_timeline", "The timeline cannot be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RenderFailure("ffmpeg_unavailable", "ffmpeg is not usable on this node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderFailure("interrupted", "The render was interrupted");
        }
    }

    /** A piece that cannot be rendered fails the whole export at once, with its reason. */
    private void fail(Export e, ExportChunk chunk, String code, String message) {
        chunks.fail(e.id(), chunk.n(), code, message, clock.instant());
        transitions.end(e.id(), RenderStatus.FAILED, code, message);
    }

    private void watch(Export e, ExportChunk chunk, AtomicLong micros, Thread renderer) {
        long last = -1;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(WATCH);
                if (exports.find(e.id()).map(now -> now.status() != RenderStatus.RUNNING).orElse(true)) {
                    renderer.interrupt();
                    return;
                }
                long now = micros.get();
                if (now != last) {
                    chunks.progress(e.id(), chunk.n(), now, clock.instant());
                    last = now;
                }
            } catch (InterruptedException done) {
                return;
            } catch (RuntimeException e2) {
                log.debug("Progress of chunk {} not recorded", chunk.instanceId(), e2);
            }
        }
    }
}
