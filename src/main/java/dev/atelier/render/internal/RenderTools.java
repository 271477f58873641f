package dev.atelier.render.internal;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.render.graph.Encoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The ffmpeg this node renders with and what it can encode, asked of the binary once
 * ({@code -encoders}, {@code -version}) on first use: a machine whose ffmpeg cannot start still
 * serves everything else, and its renders fail with the reason.
 */
@Component
public class RenderTools {

    private static final Pattern VERSION = Pattern.compile("ffmpeg version n?(\\d+)\\.");
    private final WorkFolders folders;
    private volatile Ffmpeg ffmpeg;
    private volatile Encoders encoders;

    RenderTools(WorkFolders folders) {
        this.folders = folders;
    }

    public Ffmpeg ffmpeg() throws IOException {
        Ffmpeg ready = ffmpeg;
        if (ready == null) {
            synchronized (this) {
                if (ffmpeg == null) {
                    ffmpeg = Ffmpeg.bundled();
                }
                ready = ffmpeg;
            }
        }
        return ready;
    }

    public Encoders encoders() throws IOException, InterruptedException {
        Encoders known = encoders;
        if (known == null) {
            synchronized (this) {
                if (encoders == null) {
                    encoders = ask();
                }
                known = encoders;
            }
        }
        return known;
    }

    private Encoders ask() throws IOException, InterruptedException {
        Path work = folders.create("tools");
        try {
            Path list = work.resolve("encoders.txt");
            ffmpeg().runToFile(List.of("-encoders"), Duration.ofSeconds(30), list);
            Path version = work.resolve("version.txt");
            ffmpeg().runToFile(List.of("-version"), Duration.ofSeconds(30), version);
            return of(Files.readString(list), Files.readString(version));
        } finally {
            folders.delete(work);
        }
    }

    /** Picks from {@code ffmpeg -encoders} output: x264 before openh264, libopus before ffmpeg's opus. */
    static Encoders of(String encoderList, String versionText) {
        String h264 = has(encoderList, "libx264") ? "libx264" : has(encoderList, "libopenh264") ? "libopenh264" : null;
        String vp9 = has(encoderList, "libvpx-vp9") ? "libvpx-vp9" : null;
        String opus = has(encoderList, "libopus") ? "libopus" : has(encoderList, "opus") ? "opus" : null;
        Matcher m = VERSION.matcher(versionText);
        boolean slash = !m.find() || Integer.parseInt(m.group(1)) >= 7;
        return new Encoders(h264, vp9, opus, slash);
    }

    private static boolean has(String encoderList, String name) {
        return Pattern.compile("^\\s*[VAS][.A-Z]{5}\\s+" + Pattern.quote(name) + "\\s", Pattern.MULTILINE)
                .matcher(encoderList).find();
    }
}
