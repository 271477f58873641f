package dev.atelier.providers.local.engine;

/**
 * A short video to make: what it shows, which variation, its length (2–30 s), its frame size, and
 * whether a composed soundtrack plays under it (silence otherwise).
 */
public record MotionRequest(String prompt, long seed, long durationMs, Resolution resolution, boolean soundtrack) {

    public static final long MIN_DURATION_MS = 2_000;
    public static final long MAX_DURATION_MS = 30_000;

    public enum Resolution {
        P360(640, 360),
        P720(1280, 720);

        private final int width;
        private final int height;

        Resolution(int width, int height) {
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    public MotionRequest {
        Requests.prompt(prompt);
        Requests.inRange("durationMs", durationMs, MIN_DURATION_MS, MAX_DURATION_MS, "ms");
        if (resolution == null) {
            throw new IllegalArgumentException("resolution must be one of P360 (640x360) or P720 (1280x720)");
        }
    }
}
