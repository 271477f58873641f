package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The fonts bundled in the jar (src/main/resources/fonts/), the only ones text may use. */
public enum Font {
    @JsonProperty("sans") SANS("sans", "fonts/DejaVuSans.ttf"),
    @JsonProperty("sans-bold") SANS_BOLD("sans-bold", "fonts/DejaVuSans-Bold.ttf"),
    @JsonProperty("serif") SERIF("serif", "fonts/DejaVuSerif.ttf"),
    @JsonProperty("mono") MONO("mono", "fonts/DejaVuSansMono.ttf");

    private final String value;
    private final String resource;

    Font(String value, String resource) {
        this.value = value;
        this.resource = resource;
    }

    /** The document's name for it. */
    public String value() {
        return value;
    }

    /** Its classpath resource. */
    public String resource() {
        return resource;
    }
}
