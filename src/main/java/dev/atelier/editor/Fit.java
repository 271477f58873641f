package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a source of another shape fills the frame. */
public enum Fit {
    /** Scaled to fill the frame, the overflow cropped. */
    @JsonProperty("cover") COVER,
    /** Scaled to fit inside the frame, padded with black. */
    @JsonProperty("contain") CONTAIN;

    public String value() {
        return name().toLowerCase();
    }
}
