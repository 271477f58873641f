package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.Schema;

/** A slow zoom and pan over a still image (Ken Burns), from the clip's start to its end. */
@Schema(description = "A slow zoom/pan over a still: zoom 1..4, x/y = focus centre as fractions 0..1")
public record Motion(
        @Schema(minimum = "1", maximum = "4", defaultValue = "1") Double zoomFrom,
        @Schema(minimum = "1", maximum = "4", defaultValue = "1.2") Double zoomTo,
        @Schema(minimum = "0", maximum = "1", defaultValue = "0.5") Double xFrom,
        @Schema(minimum = "0", maximum = "1", defaultValue = "0.5") Double yFrom,
        @Schema(minimum = "0", maximum = "1", defaultValue = "0.5") Double xTo,
        @Schema(minimum = "0", maximum = "1", defaultValue = "0.5") Double yTo) {

    public Motion {
        zoomFrom = zoomFrom == null ? 1.0 : zoomFrom;
        zoomTo = zoomTo == null ? 1.2 : zoomTo;
        xFrom = xFrom == null ? 0.5 : xFrom;
        yFrom = yFrom == null ? 0.5 : yFrom;
        xTo = xTo == null ? 0.5 : xTo;
        yTo = yTo == null ? 0.5 : yTo;
    }
}
