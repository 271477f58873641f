package dev.atelier.providers.local.engine;

/** A piece of music to compose: what it should feel like, which variation, and its exact length. */
public record TuneRequest(String prompt, long seed, long durationMs) {

    public static final long MIN_DURATION_MS = 5_000;
    public static final long MAX_DURATION_MS = 120_000;

    public TuneRequest {
        Requests.prompt(prompt);
        Requests.inRange("durationMs", durationMs, MIN_DURATION_MS, MAX_DURATION_MS, "ms");
    }
}
