package dev.atelier.platform.ffmpeg;

import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe executables shipped in the org.bytedeco jar, unpacked to the JavaCPP
 * cache by the first call and remembered for the life of the JVM. The only static state of the
 * kit: finding them costs 0.1–0.3 s and the files never change while we run.
 */
final class FfmpegBinaries {

    record Located(Path ffmpeg, Path ffprobe) {}

    private static volatile Located located;

    private FfmpegBinaries() {}

    static Located locate() throws FfmpegException {
        Located known = located;
        if (known != null) {
            return known;
        }
        synchronized (FfmpegBinaries.class) {
            if (located == null) {
                located = load();
            }
            return located;
        }
    }

    private static Located load() throws FfmpegException {
        try {
            Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            return new Located(ffmpeg, ffprobe);
        } catch (LinkageError | RuntimeException e) {
            // Loading also maps the JNI libraries; libavdevice needs the system's libpulse.so.0.
            String hint = String.valueOf(e.getMessage()).contains("libpulse")
                    ? " (the bundled libavdevice needs libpulse.so.0: install Debian's libpulse0)"
                    : "";
            throw new FfmpegException("could not load the bundled ffmpeg" + hint, "", e);
        }
    }
}
