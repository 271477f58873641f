package dev.atelier.credits;

/**
 * The kinds of request that are rate-limited, each with its own bucket per user. Sign-in attempts
 * are throttled by the accounts module itself (per email and per address), which cannot call
 * credits without a dependency cycle.
 */
public enum OperationClass {
    GENERATION,
    UPLOAD,
    RENDER;

    public String value() {
        return name().toLowerCase();
    }
}
