package dev.atelier.generation;

/** Where a generation is in its life. */
public enum GenerationStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELED,
    TIMED_OUT;

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    public String value() {
        return name().toLowerCase();
    }

    public static GenerationStatus of(String value) {
        return valueOf(value.toUpperCase());
    }
}
