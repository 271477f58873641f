package dev.atelier.render.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.PriceRule;
import dev.atelier.catalog.Usage;
import dev.atelier.credits.ActiveJobs;
import dev.atelier.credits.Credits;
import dev.atelier.credits.Hold;
import dev.atelier.credits.JobSlot;
import dev.atelier.editor.Project;
import dev.atelier.editor.Projects;
import dev.atelier.media.Assets;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.BackgroundWork;
import dev.atelier.platform.idempotency.IdempotentRequest;
import dev.atelier.render.RenderProperties;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** The use cases behind the export API: ask for one, look at it, cancel it. */
@Component
class Exports {

    static final String PRICE_MODEL = "render/export";

    private final ExportRows rows;
    private final Projects projects;
    private final Assets assets;
    private final Catalog catalog;
    private final Credits credits;
    private final ActiveJobs activeJobs;
    private final BackgroundWork work;
    private final RenderTransitions transitions;
    private final RunningRenders running;
    private final RenderTools tools;
    private final RenderProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    Exports(ExportRows rows, Projects projects, Assets assets, Catalog catalog, Credits credits,
            ActiveJobs activeJobs, BackgroundWork work, RenderTransitions transitions, RunningRenders running,
            RenderTools tools, RenderProperties properties, ObjectMapper json, Clock clock) {
        this.rows = rows;
        this.projects = projects;
        this.assets = assets;
        this.catalog = catalog;
        this.credits = credits;
        this.activeJobs = activeJobs;
        this.work = work;
        this.transitions = transitions;
        this.running = running;
        this.tools = tools;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Snapshots the project's timeline, prices it per second of output, holds the credits, takes
     * an active-job slot, stores the export and schedules it — one transaction, so a refusal
     * anywhere leaves nothing behind.
     */
    @Transactional
    Export submit(CurrentUser user, UUID projectId, String resolution, String format) {
        Project project = Ownership.require(user, projects.find(projectId), "Project");
        long length = project.lengthMs();
        if (length <= 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "empty_timeline",
                    "The project's timeline has no video clips to export");
        }
        for (UUID assetId : project.timeline().assetIds()) {
            if (assets.find(assetId).filter(a -> a.ownerId().equals(user.id())).isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "asset_missing",
                        "The asset " + assetId + " used by the timeline no longer exists").with("assetId", assetId);
            }
        }
        requireEncoder(format);
        UUID id = jobIdOf(IdempotentRequest.current());
        Optional<Export> before = rows.find(id).filter(e -> e.ownerId().equals(user.id()));
        if (before.isPresent()) {
            return before.get();
        }
        PriceRule price = catalog.find(PRICE_MODEL).filter(Model::enabled).map(Model::price)
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "exports_unavailable",
                        "Exports are switched off"));
        long quote = price.cost(Usage.seconds(BigDecimal.valueOf(length, 3)));
        Export e = newExport(id, user.id(), project, resolution, format, price, quote);
        Hold hold = credits.place(user.id(), quote, e.reference());
        if (hold instanceof Hold.Refused refused) {
            throw refused.problem();
        }
        if (activeJobs.acquire(user, e.reference()) instanceof JobSlot.Full full) {
            throw full.problem();
        }
        e = withHold(e, ((Hold.Placed) hold).holdId());
        rows.insert(e);
        work.scheduleNow(RunExportTask.instance(id));
        return e;
    }

    private Export newExport(UUID id, UUID owner, Project project, String resolution, String format, PriceRule price,
            long quote) {
        int[] size = Sizes.of(project.output().width(), project.output().height(), Sizes.shortSide(resolution));
        Instant now = clock.instant();
        String snapshot = json.writeValueAsString(Map.of("unit", price.unit().value(), "credits", price.credits(),
                "minimum", price.minimum()));
        return new Export(id, owner, project.id(), project.version(), json.writeValueAsString(project.timeline()),
                size[0], size[1], project.output().fps(), project.output().height(), resolution, format,
                project.lengthMs(), RenderStatus.QUEUED, 0, null, 0, null, null, null, snapshot, null, quote, null, null,
                null, now.plus(properties.exportTimeout()), now, null, null, now);
    }

    private static Export withHold(Export e, UUID holdId) {
        return new Export(e.id(), e.ownerId(), e.projectId(), e.projectVersion(), e.timeline(), e.width(),
                e.height(), e.fps(), e.projectHeight(), e.resolution(), e.format(), e.lengthMs(), e.status(),
                e.progress(), e.etaSeconds(), e.attempts(), e.worker(), e.outputAssetId(), e.uploadedAssetId(), e.price(),
                holdId,
                e.costHeld(), e.costCharged(), e.errorCode(), e.errorMessage(), e.deadline(), e.createdAt(),
                e.startedAt(), e.finishedAt(), e.updatedAt());
    }

    private void requireEncoder(String format) {
        try {
            var encoders = tools.encoders();
            boolean ok = "webm".equals(format) ? encoders.vp9() != null && encoders.opus() != null
                    : encoders.h264() != null;
            if (!ok) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "format_unavailable",
                        "This server's ffmpeg cannot write " + format);
            }
        } catch (java.io.IOException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "renderer_unavailable",
                    "ffmpeg is not usable on this server: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "renderer_unavailable", "Interrupted");
        }
    }

    /** With an Idempotency-Key the export id follows from the key's claim (see generation's submit). */
    private static UUID jobIdOf(Optional<IdempotentRequest> claim) {
        return claim.map(request -> UUID.nameUUIDFromBytes(("render-export:" + request.id())
                .getBytes(StandardCharsets.UTF_8))).orElseGet(UUID::randomUUID);
    }

    Export get(CurrentUser user, UUID id) {
        return Ownership.require(user, rows.find(id), "Export");
    }

    /** Queued or running exports end at once with their credits back; ffmpeg stops within a second. */
    Export cancel(CurrentUser user, UUID id) {
        Export e = get(user, id);
        if (e.status().terminal()) {
            throw ApiException.conflict("export_finished", "The export already ended " + e.status().value())
                    .with("exportStatus", e.status().value());
        }
        if (transitions.end(id, RenderStatus.CANCELED, "canceled", "Canceled by its owner")) {
            running.interrupt(id);
        }
        return rows.find(id).orElseThrow();
    }
}
