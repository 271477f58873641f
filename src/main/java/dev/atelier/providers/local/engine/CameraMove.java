package dev.atelier.providers.local.engine;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A slow camera move over a still, as an ffmpeg {@code zoompan} filter. Every move eases in and
 * out ({@code p} runs from 0 to 1 along half a cosine), so it starts and stops without a jolt.
 */
record CameraMove(String name, String zoom, String x, String y) {

    private static final String CENTRE_X = "iw/2-iw/zoom/2";
    private static final String CENTRE_Y = "ih/2-ih/zoom/2";

    static CameraMove choose(SplittableRandom random) {
        double depth = 0.15 + random.nextDouble() * 0.2;
        double fx = 0.2 + random.nextDouble() * 0.6;
        double fy = 0.2 + random.nextDouble() * 0.6;
        String held = f("%.3f", 1 + depth);
        return switch (random.nextInt(6)) {
            case 0 -> new CameraMove("zoom in", f("1+%.3f*P", depth), CENTRE_X, CENTRE_Y);
            case 1 -> new CameraMove("zoom out", f("%.3f-%.3f*P", 1 + depth, depth), CENTRE_X, CENTRE_Y);
            case 2 -> new CameraMove("pan right", held, "(iw-iw/zoom)*P", CENTRE_Y);
            case 3 -> new CameraMove("pan left", held, "(iw-iw/zoom)*(1-P)", CENTRE_Y);
            case 4 -> new CameraMove("tilt down", held, CENTRE_X, "(ih-ih/zoom)*P");
            default -> new CameraMove("drift to a detail", f("1+%.3f*P", depth),
                    f("(iw-iw/zoom)*(0.5+(%.3f-0.5)*P)", fx), f("(ih-ih/zoom)*(0.5+(%.3f-0.5)*P)", fy));
        };
    }

    /** The zoompan filter for a move over {@code frames} frames, drawn at the given size and rate. */
    String filter(int frames, int width, int height, int fps) {
        String progress = f("(0.5-0.5*cos(PI*on/%d))", Math.max(1, frames - 1));
        return f("zoompan=z='%s':x='%s':y='%s':d=%d:s=%dx%d:fps=%d", zoom.replace("P", progress),
                x.replace("P", progress), y.replace("P", progress), frames, width, height, fps);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
