package dev.atelier.render.internal;

import java.util.Arrays;

/** Where an export is. */
public enum RenderStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED, TIMED_OUT;

    public String value() {
        return name().toLowerCase();
    }

    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    public static RenderStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status " + value));
    }
}
