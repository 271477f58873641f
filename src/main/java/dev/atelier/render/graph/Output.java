package dev.atelier.render.graph;

/** The frame size and rate to render at and what to write. */
public record Output(int width, int height, int fps, Kind kind) {

    public enum Kind {
        /** a preview window: 360p-class MPEG-TS for HLS, fastest settings, timestamps from the window's start */
        PREVIEW_SEGMENT,
        /** a finished MP4 (H.264 + AAC), loudness normalised */
        MP4,
        /** a finished WebM (VP9 + Opus), loudness normalised */
        WEBM,
        /** one JPEG frame */
        JPEG,
        /** one PNG frame */
        PNG;

        public boolean still() {
            return this == JPEG || this == PNG;
        }
    }

    public Output {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("bad output size " + width + "x" + height);
        }
        if (fps < 1 || fps > 60 || 48000 % fps != 0) {
            throw new IllegalArgumentException("fps must divide 48000 and be 1..60, was " + fps);
        }
    }

    /** Audio samples per video frame: exact for every allowed rate, so sound and picture never drift. */
    public int samplesPerFrame() {
        return 48000 / fps;
    }

    /** The frame a timeline time falls on (rounded): boundaries computed this way add up exactly. */
    public long frameAt(long ms) {
        return (ms * fps + 500) / 1000;
    }
}
