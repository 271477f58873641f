package dev.atelier.render.internal;

import dev.atelier.render.RenderProperties;
import dev.atelier.editor.Timeline;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.NewAsset;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders one export, run by the {@code run-export} task: start it, render the whole timeline as
 * one window in a work folder of its own, store the video in the media library, and settle. Every
 * outcome lands on the row with a reason; nothing ffmpeg or a vanished asset does escapes, and
 * the work folder is removed on every way out. A watcher checks the row once a second: an export
 * ended elsewhere (canceled on another node, past its deadline) stops its ffmpeg.
 */
@Component
class ExportRunner {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    private static final Duration WATCH = Duration.ofMillis(500);
    private static final Duration REMOTE_CHECK = Duration.ofSeconds(10);

    private final ExportRows rows;
    private final RenderTransitions transitions;
    private final RenderInputs inputs;
    private final RenderProcess process;
    private final RenderTools tools;
    private final WorkFolders folders;
    private final RunningRenders running;
    private final Assets assets;
    private final RemoteRenders remote;
    private final ChunkedExports chunked;
    private final ObjectMapper json;
    private final Clock clock;

    private final RenderProperties properties;

    ExportRunner(ExportRows rows, RenderTransitions transitions, RenderInputs inputs, RenderProcess process,
            RenderTools tools, WorkFolders folders, RunningRenders running, Assets assets, RemoteRenders remote,
            ChunkedExports chunked, ObjectMapper json, Clock clock, RenderProperties properties) {
        this.chunked = chunked;
        this.properties = properties;
        this.rows = rows;
        this.transitions = transitions;
        this.inputs = inputs;
        this.process = process;
        this.tools = tools;
        this.folders = folders;
        this.running = running;
        this.assets = assets;
        this.remote = remote;
        this.json = json;
        this.clock = clock;
    }

    Step run(UUID id) {
        Export e = rows.find(id).orElse(null);
        if (e == null || e.status().terminal()) {
            if (e != null && ChunkedExports.WORKER.equals(e.worker())) {
                chunked.remove(id);
            }
            return Step.DONE;
        }
        if (!clock.instant().isBefore(e.deadline())) {
            transitions.end(id, RenderStatus.TIMED_OUT, "deadline", "The export did not finish in time");
            return Step.DONE;
        }
        if (e.status() == RenderStatus.RUNNING && ChunkedExports.WORKER.equals(e.worker())) {
            return chunked.look(e, this::finish); // its pieces render on any render node; this one waits and joins
        }
        if (chunked.applies(e)) {
            if (!transitions.start(id, ChunkedExports.WORKER)) {
                return Step.DONE;
            }
            Export started = rows.find(id).orElseThrow();
            chunked.plan(started);
            return chunked.look(started, this::finish);
        }
        if (e.status() == RenderStatus.RUNNING && e.worker() != null && e.worker().startsWith("remote:")) {
            if (remote.stillWorking(e)) {
                return new Step.Again(REMOTE_CHECK); // a remote worker has it and calls back
            }
            remote.failed(java.net.URI.create(e.worker().substring("remote:".length())));
            log.warn("The worker of export {} went silent; it runs again", id);
        }
        java.util.Optional<java.net.URI> worker = remote.pick();
        while (worker.isPresent()) {
            if (!transitions.start(id, "remote:" + worker.get())) {
                return Step.DONE;
            }
            if (remote.send(rows.find(id).orElseThrow(), worker.get())) {
                return new Step.Again(REMOTE_CHECK);
            }
            worker = remote.pick();
        }
        if (!transitions.start(id, "local")) {
            return Step.DONE;
        }
        return renderHere(rows.find(id).orElseThrow());
    }

    private Step renderHere(Export e) {
        UUID id = e.id();
        Path work = null;
        RenderInputs.Prepared prepared = null;
        running.enter(id);
        AtomicLong micros = new AtomicLong();
        Thread renderer = Thread.currentThread();
        Thread watcher = Thread.ofVirtual().name("export-watch-" + id).start(() -> watch(e, micros, renderer));
        try {
            long t0 = System.nanoTime();
            work = folders.create("export-" + id);
            prepared = inputs.prepare(json.readValue(e.timeline(), Timeline.class), e.projectHeight(),
                    e.ownerId());
            Output output = new Output(e.width(), e.height(), e.fps(),
                    "webm".equals(e.format()) ? Output.Kind.WEBM : Output.Kind.MP4);
            Invocation invocation = build(prepared.edit(), e.lengthMs(), output);
            Path target = work.resolve("export." + e.format());
            Duration left = Duration.between(clock.instant(), e.deadline());
            if (left.isNegative() || left.isZero()) {
                throw new RenderFailure("deadline", "The export did not finish in time");
            }
            long t1 = System.nanoTime();
            process.run(invocation, prepared::file, work, target, left, micros::set);
            long t2 = System.nanoTime();
            finish(e, target);
            log.info("Export {}: inputs and graph {} ms, ffmpeg {} ms, stored in the library {} ms", id,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return Step.DONE;
        } catch (RenderFailure failure) {
            transitions.end(id, RenderStatus.FAILED, failure.code(), failure.getMessage());
            return Step.DONE;
        } catch (InterruptedException | FfmpegException stopped) {
            Step next = stopped(e, stopped);
            if (prepared != null && stopped instanceof FfmpegException && rows.find(id)
                    .map(now -> now.status() == RenderStatus.FAILED).orElse(false)) {
                inputs.discard(prepared); // a bad local copy must not fail every later render: fetch afresh
            }
            return next;
        } catch (IOException | RuntimeException e2) {
            if (endedMeanwhile(id)) {
                return Step.DONE;
            }
            log.warn("Export {} failed", id, e2);
            transitions.end(id, RenderStatus.FAILED, "render_failed", "The render failed: " + e2.getMessage());
            return Step.DONE;
        } finally {
            watcher.interrupt();
            try {
                watcher.join(Duration.ofSeconds(2));
            } catch (InterruptedException ignored) {
                // leave() below clears the flag
            }
            folders.delete(work);
            running.leave(id);
        }
    }

    static Invocation build(Edit edit, long lengthMs, Output output, RenderTools tools) throws RenderFailure {
        try {
            return FilterGraph.build(edit, new Window(0, lengthMs), output, tools.encoders());
        } catch (IllegalArgumentException e) {
            throw new RenderFailure("invalid_timeline", "The timeline cannot be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RenderFailure("ffmpeg_unavailable", "ffmpeg is not usable on this node: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderFailure("interrupted", "The render was interrupted");
        }
    }

    private Invocation build(Edit edit, long lengthMs, Output output) throws RenderFailure {
        return build(edit, lengthMs, output, tools);
    }

    private void finish(Export e, Path target) throws IOException, RenderFailure {
        Asset video;
        try {
            video = assets.store(NewAsset.rendered(e.ownerId(), "export-" + e.id().toString().substring(0, 8)
                    + "." + e.format(), properties.exportKeepFor()), target);
        } catch (MediaRejected rejected) {
            throw new RenderFailure("output_rejected", "The rendered video was refused by the library: "
                    + rejected.getMessage());
        }
        if (!transitions.succeed(e.id(), video.id())) {
            assets.delete(video.id()); // canceled or timed out meanwhile: nobody pays, nothing kept
        }
    }

    /** ffmpeg stopped before the end: a cancel or deadline, this node stopping, or ffmpeg failing. */
    private Step stopped(Export e, Exception stopped) {
        boolean interrupted = Thread.interrupted() || stopped instanceof InterruptedException;
        if (endedMeanwhile(e.id())) {
            return Step.DONE;
        }
        if (interrupted) {
            log.info("Export {} was interrupted as this node stops; it runs again later", e.id());
            return new Step.Again(Duration.ofSeconds(1));
        }
        if (!clock.instant().isBefore(e.deadline())) {
            transitions.end(e.id(), RenderStatus.TIMED_OUT, "deadline", "The export did not finish in time");
            return Step.DONE;
        }
        String reason = stopped instanceof FfmpegException f && !f.stderrTail().isBlank()
                ? "ffmpeg failed: " + f.stderrTail().strip() : "ffmpeg failed: " + stopped.getMessage();
        transitions.end(e.id(), RenderStatus.FAILED, "render_failed", reason);
        return Step.DONE;
    }

    /** Reports progress once a second and stops the render when its row ended elsewhere. */
    private void watch(Export e, AtomicLong micros, Thread renderer) {
        Instant started = clock.instant();
        int last = -1;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(WATCH);
                int percent = Progress.percent(micros.get(), e.lengthMs());
                Integer eta = percent <= 0 ? null : (int) (Duration.between(started, clock.instant()).toSeconds()
                        * (100 - percent) / percent);
                boolean active = percent != last ? transitions.progress(e.id(), percent, eta)
                        : rows.find(e.id()).map(now -> now.status() == RenderStatus.RUNNING).orElse(false);
                last = percent;
                if (!active) {
                    renderer.interrupt();
                    return;
                }
            } catch (InterruptedException done) {
                return;
            } catch (RuntimeException e2) {
                log.debug("Progress of export {} not recorded", e.id(), e2);
            }
        }
    }

    private boolean endedMeanwhile(UUID id) {
        return rows.find(id).map(now -> now.status().terminal()).orElse(true);
    }
}
