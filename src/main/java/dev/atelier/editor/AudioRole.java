package dev.atelier.editor;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an audio track holds: music is ducked under voice-over. */
public enum AudioRole {
    @JsonProperty("music") MUSIC,
    @JsonProperty("voiceover") VOICEOVER;

    public String value() {
        return name().toLowerCase();
    }
}
