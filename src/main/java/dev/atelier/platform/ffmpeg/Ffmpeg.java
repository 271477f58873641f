package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs ffmpeg and ffprobe as child processes. Every run has a deadline; a nonzero exit, a timeout
 * or a failed input ends in an {@link FfmpegException} that quotes the tool's stderr; on timeout
 * or interruption the process is killed before the call returns. Thread-safe and stateless.
 */
public final class Ffmpeg {

    /** Quiet, non-interactive, and allowed to overwrite the output it was asked to write. */
    private static final List<String> FFMPEG_DEFAULTS = List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y");
    private static final List<String> FFPROBE_DEFAULTS = List.of("-hide_banner", "-loglevel", "error");
    private static final int PROBE_OUTPUT_LIMIT = 1 << 20;

    private final Path ffmpegBinary;
    private final Path ffprobeBinary;

    public Ffmpeg(Path ffmpegBinary, Path ffprobeBinary) {
        this.ffmpegBinary = ffmpegBinary;
        this.ffprobeBinary = ffprobeBinary;
    }

    /** The binaries from the org.bytedeco:ffmpeg jar on the class path (located once per JVM). */
    public static Ffmpeg bundled() throws FfmpegException {
        FfmpegBinaries.Located located = FfmpegBinaries.locate();
        return new Ffmpeg(located.ffmpeg(), located.ffprobe());
    }

    public Path ffmpegBinary() {
        return ffmpegBinary;
    }

    public Path ffprobeBinary() {
        return ffprobeBinary;
    }

    /** Runs ffmpeg with nothing on stdin and its stdout discarded; outputs are named in args. */
    public void run(List<String> args, Duration timeout) throws IOException, InterruptedException {
        ToolProcess.run(ffmpegBinary, withDefaults(args), timeout, null, new ToolProcess.Stdout.Discard());
    }

    /** Runs ffmpeg reading {@code pipe:0} from the feed, which runs on a thread of its own. */
    public void run(List<String> args, Duration timeout, StdinFeed stdin) throws IOException, InterruptedException {
        ToolProcess.run(ffmpegBinary, withDefaults(args), timeout, stdin, new ToolProcess.Stdout.Discard());
    }

    /** Runs ffmpeg with what it writes to {@code pipe:1} stored in the given file. */
    public void runToFile(List<String> args, Duration timeout, Path stdout) throws IOException, InterruptedException {
        ToolProcess.run(ffmpegBinary, withDefaults(args), timeout, null, new ToolProcess.Stdout.ToFile(stdout));
    }

    /** Runs ffprobe and returns what it printed (at most 1 MiB, more is an error). */
    public String probe(List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(FFPROBE_DEFAULTS);
        command.addAll(args);
        byte[] out = ToolProcess.run(ffprobeBinary, command, timeout, null,
                new ToolProcess.Stdout.Capture(PROBE_OUTPUT_LIMIT));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<String> withDefaults(List<String> args) {
        List<String> command = new ArrayList<>(FFMPEG_DEFAULTS);
        command.addAll(args);
        return command;
    }
}
