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
        PNG,
        /**
         * one time chunk of an MP4 export's picture, no sound: the export's encoder settings, starting
         * on a key frame with closed groups of pictures, so chunks join with the concat demuxer and
         * {@code -c copy}
         */
        VIDEO_CHUNK,
        /** the sound of a chunked MP4 export, encoded once (AAC in MP4), loudness normalised */
        SOUND;

        public boolean still() {
            return this == JPEG || this == PNG;
        }

        /** whether the render has a picture (all but {@link #SOUND}) */
        public boolean picture() {
            return this != SOUND;
        }

        /** whether the render has sound (not stills, not a {@link #VIDEO_CHUNK}) */
        public boolean sound() {
            return !still() && this != VIDEO_CHUNK;
        }

        /** whether the sound is loudness normalised: finished files, not preview windows */
        boolean finished() {
            return this == MP4 || this == WEBM || this == SOUND;
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
