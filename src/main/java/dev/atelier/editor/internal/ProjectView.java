package dev.atelier.editor.internal;

import dev.atelier.editor.OutputSettings;
import dev.atelier.editor.Project;
import dev.atelier.editor.Timeline;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "Project", description = "A project with its timeline; the ETag header is the version in quotes")
record ProjectView(
        UUID id,
        String name,
        OutputSettings output,
        Timeline timeline,
        @Schema(description = "Grows by one with every change; the ETag is \"<version>\"") long version,
        @Schema(description = "End of the last video clip (clips minus transition overlaps)") long lengthMs,
        Instant createdAt,
        Instant updatedAt) {

    static ProjectView of(Project p) {
        return new ProjectView(p.id(), p.name(), p.output(), p.timeline(), p.version(), p.lengthMs(), p.createdAt(),
                p.updatedAt());
    }
}
