package dev.atelier.render.internal;

import java.util.OptionalLong;

/**
 * Reads ffmpeg's {@code -progress} output: blocks of {@code key=value} lines. The position is
 * {@code out_time_us}, in MICROseconds; {@code out_time_ms} is microseconds too (an old ffmpeg
 * naming bug), so it is only a fallback and read with the same unit. "N/A" is skipped.
 */
final class Progress {

    private Progress() {
    }

    /** The last position in the text, in microseconds of output written. */
    static OptionalLong outTimeMicros(String text) {
        long found = -1;
        long fallback = -1;
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                if (key.equals("out_time_us")) {
                    found = Long.parseLong(value);
                } else if (key.equals("out_time_ms")) {
                    fallback = Long.parseLong(value);
                }
            } catch (NumberFormatException unknownYet) {
                // "N/A" before the first frame
            }
        }
        long micros = found >= 0 ? found : fallback;
        return micros >= 0 ? OptionalLong.of(micros) : OptionalLong.empty();
    }

    /** Whole percent of {@code totalMs} done, 0..99 while running (100 is for the finished row). */
    static int percent(long micros, long totalMs) {
        if (totalMs <= 0) {
            return 0;
        }
        return (int) Math.clamp(micros / 10 / totalMs, 0, 99);
    }
}
