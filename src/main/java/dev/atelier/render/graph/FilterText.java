package dev.atelier.render.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers and quoted values as ffmpeg's filter graph syntax wants them. */
final class FilterText {

    private FilterText() {
    }

    /** Seconds with microsecond precision, never in exponent notation. */
    static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String ms(long ms) {
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A path as a quoted option value; paths are Atelier's own folders, a quote in one is a setup error. */
    static String path(String path) {
        if (path.contains("'") || path.contains("\\") || path.contains("\n")) {
            throw new IllegalArgumentException("a path used in a filter graph may not contain quotes or backslashes: " + path);
        }
        return "'" + path + "'";
    }

    /** #rrggbb to ffmpeg's 0xrrggbb. */
    static String color(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("a colour is #rrggbb, was " + hex);
        }
        return "0x" + hex.substring(1).toLowerCase();
    }
}
