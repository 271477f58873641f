package dev.atelier.render.internal;

import dev.atelier.media.SharedFiles;
import dev.atelier.platform.BackgroundWork;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.render.RenderProperties;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Long MP4 exports, split across render nodes. The export's own task becomes the coordinator: it
 * plans the pieces (the sound of the whole timeline once, and time chunks of the picture), schedules
 * one {@code run-export-chunk} execution per piece, then looks in once a second, summing the pieces'
 * progress, until every piece is done; then it joins them without re-encoding (concat demuxer,
 * {@code -c copy}; the sound muxed as it was encoded, so there is no AAC join and no priming gap)
 * and the export is stored and settled like any other. All of its state is in rows, so a
 * coordinator whose node died simply looks in again from another node.
 */
@Component
class ChunkedExports {

    static final String WORKER = "chunked";
    private static final Logger log = LoggerFactory.getLogger(ChunkedExports.class);
    private static final Duration LOOK = Duration.ofSeconds(1);

    /** Stores a finished export's video and settles it (the runner's own way). */
    interface Finisher {
        void finish(Export e, Path video) throws IOException, RenderFailure;
    }

    private final ExportChunkRows chunks;
    private final RenderTransitions transitions;
    private final BackgroundWork work;
    private final RenderTools tools;
    private final WorkFolders folders;
    private final SharedFiles shared;
    private final RenderProperties properties;
    private final Clock clock;

    ChunkedExports(ExportChunkRows chunks, RenderTransitions transitions, BackgroundWork work, RenderTools tools,
            WorkFolders folders, SharedFiles shared, RenderProperties properties, Clock clock) {
        this.chunks = chunks;
        this.transitions = transitions;
        this.work = work;
        this.tools = tools;
        this.folders = folders;
        this.shared = shared;
        this.properties = properties;
        this.clock = clock;
    }

    /** MP4 exports at least {@code chunks.threshold} long, rendered on this cluster's nodes. */
    boolean applies(Export e) {
        return "mp4".equals(e.format()) && !properties.remote() && properties.chunks().applyTo(e.lengthMs());
    }

    /** Plans the pieces and schedules each (both idempotent: a coordinator run twice plans the same). */
    @Transactional
    void plan(Export e) {
        chunks.plan(e.id(), ExportChunk.SOUND, 0, e.lengthMs(), clock.instant());
        int n = 1;
        for (Window w : ChunkPlan.windows(e.lengthMs(), properties.chunks().length().toMillis(), e.fps())) {
            chunks.plan(e.id(), n++, w.fromMs(), w.toMs(), clock.instant());
        }
        for (ExportChunk chunk : chunks.of(e.id())) {
            work.scheduleNow(RunExportTask.chunk(chunk.instanceId()));
        }
    }

    /** One look: wait for the pieces (with progress), fail with a piece, or join and finish. */
    Step look(Export e, Finisher finisher) {
        List<ExportChunk> pieces = chunks.of(e.id());
        if (pieces.isEmpty()) {
            plan(e);
            return new Step.Again(LOOK);
        }
        for (ExportChunk piece : pieces) {
            if (piece.failed()) {
                transitions.end(e.id(), RenderStatus.FAILED, piece.errorCode(), piece.errorMessage());
                remove(e.id());
                return Step.DONE;
            }
        }
        if (!pieces.stream().allMatch(ExportChunk::done)) {
            progress(e, pieces);
            return new Step.Again(LOOK);
        }
        Path folder = null;
        try {
            folder = folders.create("join-" + e.id());
            Path video = join(e, pieces, folder);
            finisher.finish(e, video);
            remove(e.id());
            return Step.DONE;
        } catch (RenderFailure failure) {
            transitions.end(e.id(), RenderStatus.FAILED, failure.code(), failure.getMessage());
            remove(e.id());
            return Step.DONE;
        } catch (InterruptedException stopping) {
            return new Step.Again(LOOK); // this node stops: the join runs again
        } catch (IOException | RuntimeException failed) {
            log.warn("Joining export {} failed", e.id(), failed);
            String reason = failed instanceof FfmpegException f && !f.stderrTail().isBlank()
                    ? f.stderrTail().strip() : failed.getMessage();
            transitions.end(e.id(), RenderStatus.FAILED, "render_failed", "Joining the chunks failed: " + reason);
            remove(e.id());
            return Step.DONE;
        } finally {
            folders.delete(folder);
        }
    }

    /** The chunks' pictures one after the other, copied, with the sound copied beside them. */
    private Path join(Export e, List<ExportChunk> pieces, Path folder) throws IOException, InterruptedException {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        Path sound = folder.resolve("sound.m4a");
        for (ExportChunk piece : pieces) {
            if (piece.sound()) {
                shared.copyTo(piece.fileId(), sound);
            } else {
                String name = "chunk-" + piece.n() + ".mp4";
                shared.copyTo(piece.fileId(), folder.resolve(name));
                list.append("file ").append(name).append('\n');
            }
        }
        Path listFile = Files.writeString(folder.resolve("chunks.txt"), list.toString());
        Path video = folder.resolve("export.mp4");
        Duration left = Duration.between(clock.instant(), e.deadline());
        tools.ffmpeg().run(List.of("-f", "concat", "-protocol_whitelist", "file", "-i", listFile.toString(),
                "-protocol_whitelist", "file", "-i", sound.toString(), "-map", "0:v", "-map", "1:a", "-c", "copy",
                "-movflags", "+faststart", "-f", "mp4", video.toString()),
                left.isNegative() ? Duration.ofSeconds(1) : left);
        return video;
    }

    /** The export's progress is the picture chunks' written time over its length (the sound is quick). */
    private void progress(Export e, List<ExportChunk> pieces) {
        long doneMicros = 0;
        for (ExportChunk piece : pieces) {
            if (!piece.sound()) {
                doneMicros += piece.done() ? piece.lengthMs() * 1000 : Math.min(piece.outMicros(), piece.lengthMs() * 1000);
            }
        }
        int percent = Progress.percent(doneMicros, e.lengthMs());
        Integer eta = null;
        if (percent > 0 && e.startedAt() != null) {
            long elapsed = Duration.between(e.startedAt(), clock.instant()).toSeconds();
            eta = (int) (elapsed * (100 - percent) / percent);
        }
        transitions.progress(e.id(), percent, eta);
    }

    /** Removes the files of an export's pieces (the rows stay as its record). Never throws. */
    void remove(UUID exportId) {
        try {
            for (ExportChunk piece : chunks.of(exportId)) {
                if (piece.fileId() != null) {
                    shared.delete(piece.fileId());
                    chunks.forget(exportId, piece.n());
                }
            }
        } catch (RuntimeException e) {
            log.warn(String.format(Locale.ROOT, "Removing the chunks of export %s failed; the sweeper tries again",
                    exportId), e);
        }
    }

    /** The sweeper's part: pieces of exports that ended (canceled, timed out) and old shared files. */
    void sweep() {
        chunks.ofEndedExports(100).forEach(this::remove);
        shared.removeOlderThan(properties.exportTimeout().plusHours(1));
    }
}
