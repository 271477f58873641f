package dev.atelier.editor;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a project renders to: the frame size (even numbers) and frames per second. */
@Schema(description = "The project's output: even width and height 128..1920, fps 24|25|30|50|60")
public record OutputSettings(
        @Schema(minimum = "128", maximum = "1920", example = "1920") int width,
        @Schema(minimum = "128", maximum = "1920", example = "1080") int height,
        @Schema(description = "24, 25, 30, 50 or 60", minimum = "24", maximum = "60", example = "30") int fps) {

    public static final int MIN_SIDE = 128;
    public static final int MAX_SIDE = 1920;
    public static final Set<Integer> FRAME_RATES = Set.of(24, 25, 30, 50, 60);
    public static final int DEFAULT_FPS = 30;

    /** The named sizes a project can be created with. */
    public enum Preset {
        LANDSCAPE_1080P(1920, 1080), LANDSCAPE_720P(1280, 720),
        PORTRAIT_1080P(1080, 1920), PORTRAIT_720P(720, 1280),
        SQUARE_1080P(1080, 1080), SQUARE_720P(720, 720);

        private final int width;
        private final int height;

        Preset(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** e.g. {@code landscape-1080p} */
        public String value() {
            return name().toLowerCase().replace('_', '-');
        }

        public OutputSettings at(int fps) {
            return new OutputSettings(width, height, fps);
        }

        public static Optional<Preset> of(String value) {
            return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst();
        }
    }

    /** Whether this is a size and rate Atelier renders. */
    public boolean valid() {
        return width >= MIN_SIDE && width <= MAX_SIDE && height >= MIN_SIDE && height <= MAX_SIDE
                && width % 2 == 0 && height % 2 == 0 && FRAME_RATES.contains(fps);
    }
}
