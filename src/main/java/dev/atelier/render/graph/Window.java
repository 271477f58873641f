package dev.atelier.render.graph;

/** The part of a timeline one render makes: {@code [fromMs, toMs)}. A whole export is one window. */
public record Window(long fromMs, long toMs) {

    public Window {
        if (fromMs < 0 || toMs <= fromMs) {
            throw new IllegalArgumentException("a window needs 0 <= from < to, was [" + fromMs + ", " + toMs + ")");
        }
    }

    public long lengthMs() {
        return toMs - fromMs;
    }
}
