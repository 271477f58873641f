package dev.atelier.render.graph;

/**
 * What the ffmpeg binary at hand can encode with (from {@code ffmpeg -encoders}): the graph is
 * built for it, never for a binary assumed.
 *
 * @param h264 libx264 when there, else libopenh264, else null
 * @param vp9 libvpx-vp9 or null
 * @param opus libopus (or ffmpeg's own opus) or null
 * @param slashOptions whether {@code -/filter_complex <file>} is understood (ffmpeg 7+); older
 *     binaries take {@code -filter_complex_script}
 */
public record Encoders(String h264, String vp9, String opus, boolean slashOptions) {

    public boolean x264() {
        return "libx264".equals(h264);
    }
}
