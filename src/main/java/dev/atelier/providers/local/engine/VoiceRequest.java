package dev.atelier.providers.local.engine;

/** Text to speak, 1–5000 characters of English. */
public record VoiceRequest(String text) {

    public static final int MAX_CHARS = 5_000;

    public VoiceRequest {
        Requests.text("text", text, MAX_CHARS);
    }
}
