package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of transition; each value is also the name of ffmpeg's {@code xfade} transition. */
public enum TransitionType {
    @JsonProperty("crossfade") CROSSFADE("fade"),
    @JsonProperty("fadeblack") FADEBLACK("fadeblack"),
    @JsonProperty("wipeleft") WIPELEFT("wipeleft"),
    @JsonProperty("wiperight") WIPERIGHT("wiperight"),
    @JsonProperty("slideleft") SLIDELEFT("slideleft"),
    @JsonProperty("slideright") SLIDERIGHT("slideright");

    private final String xfade;

    TransitionType(String xfade) {
        this.xfade = xfade;
    }

    /** The document's name for it. */
    public String value() {
        return name().toLowerCase();
    }

    /** ffmpeg's {@code xfade=transition=} name. */
    public String xfade() {
        return xfade;
    }
}
