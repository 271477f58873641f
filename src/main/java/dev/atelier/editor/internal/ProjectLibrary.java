package dev.atelier.editor.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.editor.OutputSettings;
import dev.atelier.editor.Project;
import dev.atelier.editor.ProjectDeleted;
import dev.atelier.editor.Projects;
import dev.atelier.editor.Timeline;
import dev.atelier.media.Assets;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects for their owners: every change checks the version the caller saw, validates, and then
 * writes the row, its pins and its events in one transaction whose guarded UPDATE decides a race.
 */
@Service
class ProjectLibrary implements Projects {

    private final ProjectRows rows;
    private final AssetPins pins;
    private final Assets assets;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EditorProperties properties;

    ProjectLibrary(ProjectRows rows, AssetPins pins, Assets assets, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, EditorProperties properties) {
        this.rows = rows;
        this.pins = pins;
        this.assets = assets;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Optional<Project> find(UUID id) {
        return rows.find(id);
    }

    Project get(CurrentUser user, UUID id) {
        return Ownership.require(user, rows.find(id), "Project");
    }

    List<ProjectSummary> page(CurrentUser user, PageRequest page) {
        return rows.page(user.id(), page);
    }

    Project create(CurrentUser user, String name, OutputSettings output) {
        return insert(user, name, output, Timeline.EMPTY);
    }

    Project duplicate(CurrentUser user, UUID id, String name) {
        Project source = get(user, id);
        return insert(user, name != null ? name : copyName(source.name()), source.output(), source.timeline());
    }

    private Project insert(CurrentUser user, String name, OutputSettings output, Timeline timeline) {
        if (rows.count(user.id()) >= properties.maxProjectsPerUser()) {
            throw ApiException.conflict("too_many_projects", "You keep " + properties.maxProjectsPerUser()
                    + " projects, the most allowed; delete some first")
                    .with("limit", properties.maxProjectsPerUser());
        }
        Instant now = now();
        Project project = new Project(UUID.randomUUID(), user.id(), name, output, timeline, 1, now, now);
        transactions.executeWithoutResult(status -> {
            rows.insert(project);
            pins.pinAll(project.id(), timeline);
        });
        return project;
    }

    /** Replaces the timeline: 428/412 on the version, 422 with every problem, then one guarded write. */
    Project replaceTimeline(CurrentUser user, UUID id, String ifMatch, Timeline timeline) {
        Project current = get(user, id);
        Versions.require(ifMatch, current.version());
        List<TimelineProblem> problems = TimelineValidator.validate(timeline, factsOf(user.id()));
        if (!problems.isEmpty()) {
            throw InvalidTimeline.of(problems);
        }
        Instant now = now();
        transactions.executeWithoutResult(status -> {
            if (!rows.replaceTimeline(id, current.version(), timeline, now)) {
                throw lostRace(user, id);
            }
            pins.move(id, current.timeline(), timeline);
        });
        return new Project(id, current.ownerId(), current.name(), current.output(), timeline, current.version() + 1,
                current.createdAt(), now);
    }

    /** Renames and/or changes the output; an output change needs If-Match, a rename only honours it. */
    Project update(CurrentUser user, UUID id, String ifMatch, String name, OutputSettings output) {
        Project current = get(user, id);
        if (output != null) {
            Versions.require(ifMatch, current.version());
        } else {
            Versions.checkIfPresent(ifMatch, current.version());
        }
        String newName = name != null ? name : current.name();
        OutputSettings newOutput = output != null ? output : current.output();
        Instant now = now();
        if (!rows.update(id, current.version(), newName, newOutput, now)) {
            throw lostRace(user, id);
        }
        return new Project(id, current.ownerId(), newName, newOutput, current.timeline(), current.version() + 1,
                current.createdAt(), now);
    }

    void delete(CurrentUser user, UUID id) {
        get(user, id);
        transactions.executeWithoutResult(status -> rows.delete(id).ifPresent(deleted -> {
            pins.unpinAll(id, deleted.timeline());
            events.publishEvent(new ProjectDeleted(id, deleted.ownerId()));
        }));
    }

    /** The caller's assets as validation sees them; each looked up once, and only when a rule asks. */
    private Function<UUID, Optional<AssetFacts>> factsOf(UUID ownerId) {
        Map<UUID, Optional<AssetFacts>> seen = new HashMap<>();
        return assetId -> seen.computeIfAbsent(assetId, key -> assets.find(key)
                .filter(asset -> asset.ownerId().equals(ownerId))
                .map(asset -> new AssetFacts(asset.id(), asset.kind(), asset.durationMs(), asset.hasAudio())));
    }

    private ApiException lostRace(CurrentUser user, UUID id) {
        return rows.find(id).filter(p -> p.ownerId().equals(user.id()))
                .map(p -> Versions.mismatch(p.version()))
                .orElseGet(() -> ApiException.notFound("Project"));
    }

    private static String copyName(String name) {
        String copy = name + " (copy)";
        return copy.length() <= ProjectRequests.MAX_NAME ? copy : name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
