package dev.atelier.editor.internal;

import dev.atelier.editor.OutputSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "ProjectSummary", description = "A project in the list, without its timeline (GET the project for it)")
record ProjectSummaryView(UUID id, String name, OutputSettings output, long version, long lengthMs, Instant createdAt,
        Instant updatedAt) {

    static ProjectSummaryView of(ProjectSummary s) {
        return new ProjectSummaryView(s.id(), s.name(), s.output(), s.version(), s.lengthMs(), s.createdAt(),
                s.updatedAt());
    }
}
