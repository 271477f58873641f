package dev.atelier.platform.web;

/**
 * What text Atelier accepts anywhere (bodies, queries, paths): printable Unicode with tabs and line
 * breaks. Refused: NUL (PostgreSQL cannot store it in text), the other C0 control characters and
 * DEL, unpaired surrogates (no UTF-8 can carry them) and the non-characters U+FFFE and U+FFFF.
 */
public final class Text {

    private Text() {
    }

    /** The index of the first character Atelier refuses, or -1 when there is none. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean acceptable(CharSequence text) {
        return firstRefused(text) < 0;
    }

    /** Says which character was refused, for a problem's detail: e.g. {@code U+0000 at 12}. */
    static String describe(CharSequence text) {
        int at = firstRefused(text);
        return at < 0 ? "" : String.format("U+%04X at %d", (int) text.charAt(at), at);
    }
}
