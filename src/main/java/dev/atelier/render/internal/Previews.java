package dev.atelier.render.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.editor.Project;
import dev.atelier.editor.Projects;
import dev.atelier.editor.Timeline;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.BackgroundWork;
import dev.atelier.platform.Hmac;
import dev.atelier.render.RenderProperties;
import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Asking for a preview: the timeline is cut into fixed windows and each window's cache key is
 * computed at once (a hash of its ffmpeg invocation, which holds everything that decides it: the
 * clips, transitions, text and sound it overlaps, the media by content hash, the output, the
 * renderer's version). Windows already in the cache are reused as they are; only the others are
 * rendered, by the {@code run-preview} task. An unchanged timeline is ready at once.
 */
@Component
class Previews {

    private final PreviewRows rows;
    private final PreviewCache cache;
    private final Projects projects;
    private final RenderInputs inputs;
    private final RenderTools tools;
    private final BackgroundWork work;
    private final RenderNotices notices;
    private final RenderProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    Previews(PreviewRows rows, PreviewCache cache, Projects projects, RenderInputs inputs, RenderTools tools,
            BackgroundWork work, RenderNotices notices, RenderProperties properties, ObjectMapper json, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.projects = projects;
        this.inputs = inputs;
        this.tools = tools;
        this.work = work;
        this.notices = notices;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Preview submit(CurrentUser user, UUID projectId) {
        Project project = Ownership.require(user, projects.find(projectId), "Project");
        long length = project.lengthMs();
        if (length <= 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "empty_timeline",
                    "The project's timeline has no video clips to preview");
        }
        Edit edit = edit(project.timeline(), project.output().height(), user.id());
        int[] size = Sizes.of(project.output().width(), project.output().height(), properties.previewHeight());
        Output output = new Output(size[0], size[1], properties.previewFps(), Output.Kind.PREVIEW_SEGMENT);
        List<Long> ends = Preview.plan(length, properties.previewWindow().toMillis());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            keys.add(key(edit, new Window(i == 0 ? 0 : ends.get(i - 1), ends.get(i)), output));
        }
        Set<String> cached = cache.ready(keys);
        cache.touch(cached);
        int reused = (int) keys.stream().filter(cached::contains).count();
        boolean ready = reused == keys.size();
        Instant now = clock.instant();
        Preview preview = new Preview(UUID.randomUUID(), user.id(), project.id(), project.version(), length,
                properties.previewWindow().toMillis(), json.writeValueAsString(project.timeline()), size[0], size[1],
                output.fps(), project.output().height(), keys, ends, ready ? "succeeded" : "running", 0, reused,
                null, null, now, ready ? now : null);
        rows.insert(preview);
        notices.preview(user.id(), preview.id(), project.id(), preview.status(), reused, keys.size());
        if (!ready) {
            work.scheduleNow(RunExportTask.preview(preview.id()));
        }
        return preview;
    }

    Preview get(CurrentUser user, UUID id) {
        return Ownership.require(user, rows.find(id), "Preview");
    }

    private Edit edit(Timeline timeline, int projectHeight, UUID ownerId) {
        try {
            return inputs.resolve(timeline, projectHeight, ownerId).edit();
        } catch (RenderFailure failure) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, failure.code(), failure.getMessage());
        }
    }

    private String key(Edit edit, Window window, Output output) {
        try {
            return key(FilterGraph.build(edit, window, output, tools.encoders()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_timeline",
                    "The timeline cannot be rendered: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "renderer_unavailable",
                    "ffmpeg is not usable on this server: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "renderer_unavailable", "Interrupted");
        }
    }

    /** The cache key of a window: its invocation's fingerprint under the renderer's version. */
    static String key(Invocation invocation) {
        return HexFormat.of().formatHex(Hmac.sha256(FilterGraph.VERSION + "\n" + invocation.fingerprint()));
    }
}
