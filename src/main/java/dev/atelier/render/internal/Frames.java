package dev.atelier.render.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.editor.Project;
import dev.atelier.editor.Projects;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One frame of a timeline, for scrubbing and thumbnails: the same graph as every render, for a
 * window one frame long, at a bounded size. At most two are made at once per node.
 */
@Component
class Frames {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Semaphore permits = new Semaphore(2, true);
    private final Projects projects;
    private final RenderInputs inputs;
    private final RenderProcess process;
    private final RenderTools tools;
    private final WorkFolders folders;

    Frames(Projects projects, RenderInputs inputs, RenderProcess process, RenderTools tools, WorkFolders folders) {
        this.projects = projects;
        this.inputs = inputs;
        this.process = process;
        this.tools = tools;
        this.folders = folders;
    }

    byte[] frame(CurrentUser user, UUID projectId, long atMs, boolean png, int height) throws IOException {
        Project project = Ownership.require(user, projects.find(projectId), "Project");
        if (atMs < 0 || atMs >= project.lengthMs()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "outside_timeline",
                    "atMs must be from 0 to below the timeline's length " + project.lengthMs())
                    .with("lengthMs", project.lengthMs());
        }
        int[] size = Sizes.of(project.output().width(), project.output().height(), height);
        int fps = project.output().fps();
        Output output = new Output(size[0], size[1], fps, png ? Output.Kind.PNG : Output.Kind.JPEG);
        long frameMs = (output.frameAt(atMs) * 1000 + fps - 1) / fps;
        long from = Math.min(frameMs, project.lengthMs() - 1);
        long to = Math.min(project.lengthMs(), from + 2000 / fps);
        if (!acquire()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too many frames are being made; try again")
                    .header("Retry-After", "1");
        }
        Path work = null;
        try {
            RenderInputs.Prepared prepared = inputs.prepare(project.timeline(), project.output().height(), user.id());
            Invocation invocation = FilterGraph.build(prepared.edit(), new Window(from, to), output, tools.encoders());
            work = folders.create("frame");
            Path target = work.resolve(png ? "frame.png" : "frame.jpg");
            process.run(invocation, prepared::file, work, target, TIMEOUT, micros -> { });
            return Files.readAllBytes(target);
        } catch (RenderFailure failure) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, failure.code(), failure.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_timeline",
                    "The timeline cannot be rendered: " + e.getMessage());
        } catch (FfmpegException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "render_failed", "ffmpeg failed: "
                    + e.stderrTail().strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "The server is stopping");
        } finally {
            folders.delete(work);
            permits.release();
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
