package dev.atelier.editor.internal;

import dev.atelier.editor.OutputSettings;
import dev.atelier.platform.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies the project endpoints take, and how their fields become settings. */
final class ProjectRequests {

    static final int MAX_NAME = 200;

    private ProjectRequests() {
    }

    @Schema(name = "CreateProject")
    record Create(
            @Schema(minLength = 1, maxLength = MAX_NAME, example = "Holiday cut") @NotNull @Size(max = MAX_NAME) String name,
            @NotNull @Valid Output output) {
    }

    @Schema(name = "UpdateProject", description = "What to change; changing output needs If-Match")
    record Update(
            @Schema(minLength = 1, maxLength = MAX_NAME) @Size(max = MAX_NAME) String name,
            @Valid Output output) {
    }

    @Schema(name = "DuplicateProject")
    record Duplicate(
            @Schema(description = "The copy's name; default: the original's name with \" (copy)\"", minLength = 1,
                    maxLength = MAX_NAME)
            @Size(max = MAX_NAME) String name) {
    }

    @Schema(name = "ProjectOutputRequest", description = "Either {width, height, fps} or {preset, fps}; fps defaults to 30")
    record Output(
            @Schema(minimum = "128", maximum = "1920", description = "Even") Integer width,
            @Schema(minimum = "128", maximum = "1920", description = "Even") Integer height,
            @Schema(description = "24, 25, 30, 50 or 60", minimum = "24", maximum = "60", defaultValue = "30") Integer fps,
            @Schema(allowableValues = {"landscape-1080p", "landscape-720p", "portrait-1080p", "portrait-720p",
                    "square-1080p", "square-720p"})
            @Size(max = 40) String preset) {

        OutputSettings settings() {
            int rate = fps == null ? OutputSettings.DEFAULT_FPS : fps;
            OutputSettings settings;
            if (preset != null) {
                if (width != null || height != null) {
                    throw invalid("Give either a preset or width and height, not both");
                }
                settings = OutputSettings.Preset.of(preset).orElseThrow(() -> invalid("Unknown preset '" + preset
                        + "'; known: landscape-1080p, landscape-720p, portrait-1080p, portrait-720p, square-1080p, "
                        + "square-720p")).at(rate);
            } else if (width == null || height == null) {
                throw invalid("Give width and height, or a preset");
            } else {
                settings = new OutputSettings(width, height, rate);
            }
            if (!settings.valid()) {
                throw invalid("Width and height are even numbers from 128 to 1920; fps is 24, 25, 30, 50 or 60");
            }
            return settings;
        }
    }

    /** A name stripped of surrounding spaces: 1..200 characters, no control characters. */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid_name", "A name is 1 to " + MAX_NAME
                    + " characters with no control characters");
        }
        return stripped;
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_output", message);
    }
}
