package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

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

    private interface Binaries {
        FfmpegBinaries.Located get() throws FfmpegException;
    }

    private final Binaries binaries;

    public Ffmpeg(Path ffmpegBinary, Path ffprobeBinary) {
        FfmpegBinaries.Located given = new FfmpegBinaries.Located(ffmpegBinary, ffprobeBinary, ffmpegBinary.getParent());
        this.binaries = () -> given;
    }

    private Ffmpeg(Binaries binaries) {
        this.binaries = binaries;
    }

    /**
     * The binaries from the org.bytedeco:ffmpeg jar on the class path. Cheap: they are unpacked
     * (once per machine, about 1 s) and located (once per JVM) by the first run, not here, so
     * that starting Atelier does not wait for them; a failure to unpack is thrown by that run.
     * (Declared to throw for the callers written when this located the binaries at once.)
     */
    public static Ffmpeg bundled() throws FfmpegException {
        return new Ffmpeg(FfmpegBinaries::locate);
    }

    public Path ffmpegBinary() throws FfmpegException {
        return binaries.get().ffmpeg();
    }

    public Path ffprobeBinary() throws FfmpegException {
        return binaries.get().ffprobe();
    }

    /** The first line of {@code ffmpeg -version}, e.g. {@code ffmpeg version 8.1.2 Copyright …}. */
    public String version(Duration timeout) throws IOException, InterruptedException {
        byte[] out = ToolProcess.run(ffmpegBinary(), List.of("-hide_banner", "-version"), timeout, null,
                new ToolProcess.Stdout.Capture(PROBE_OUTPUT_LIMIT));
        return new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    }

    /** The names of the encoders this ffmpeg has ({@code ffmpeg -encoders}), e.g. libopenh264, aac, flac. */
    public Set<String> encoders(Duration timeout) throws IOException, InterruptedException {
        byte[] out = ToolProcess.run(ffmpegBinary(), List.of("-hide_banner", "-encoders"), timeout, null,
                new ToolProcess.Stdout.Capture(PROBE_OUTPUT_LIMIT));
        Set<String> names = new HashSet<>();
        for (String line : new String(out, StandardCharsets.UTF_8).lines().toList()) {
            String[] words = line.strip().split("\\s+");
            // "V....D libx264   ..." : six flag characters, then the name (the legend has "=" in it)
            if (words.length >= 2 && words[0].length() == 6 && !words[1].equals("=")) {
                names.add(words[1]);
            }
        }
        return Set.copyOf(names);
    }

    /**
     * Runs ffmpeg like {@link #run(List, Duration, StdinFeed)} (stdin may be null) with
     * {@code -progress pipe:1}, passing each {@code out_time_us} it reports (microseconds of
     * output written so far) to the listener, on a helper thread of the run.
     */
    public void runWithProgress(List<String> args, Duration timeout, StdinFeed stdin, LongConsumer outTimeMicros)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-progress", "pipe:1", "-nostats"));
        command.addAll(args);
        ToolProcess.run(ffmpegBinary(), withDefaults(command), timeout, stdin, new ToolProcess.Stdout.Lines(line -> {
            if (line.startsWith("out_time_us=")) {
                try {
                    long micros = Long.parseLong(line.substring("out_time_us=".length()).strip());
                    if (micros >= 0) {
                        outTimeMicros.accept(micros);
                    }
                } catch (NumberFormatException e) {
                    // "N/A" before the first frame
                }
            }
        }));
    }

    /** Runs ffmpeg with nothing on stdin and its stdout discarded; outputs are named in args. */
    public void run(List<String> args, Duration timeout) throws IOException, InterruptedException {
        ToolProcess.run(ffmpegBinary(), withDefaults(args), timeout, null, new ToolProcess.Stdout.Discard());
    }

    /** Runs ffmpeg reading {@code pipe:0} from the feed, which runs on a thread of its own. */
    public void run(List<String> args, Duration timeout, StdinFeed stdin) throws IOException, InterruptedException {
        ToolProcess.run(ffmpegBinary(), withDefaults(args), timeout, stdin, new ToolProcess.Stdout.Discard());
    }

    /** Runs ffmpeg with what it writes to {@code pipe:1} stored in the given file. */
    public void runToFile(List<String> args, Duration timeout, Path stdout) throws IOException, InterruptedException {
        ToolProcess.run(ffmpegBinary(), withDefaults(args), timeout, null, new ToolProcess.Stdout.ToFile(stdout));
    }

    /** Runs ffprobe and returns what it printed (at most 1 MiB, more is an error). */
    public String probe(List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(FFPROBE_DEFAULTS);
        command.addAll(args);
        byte[] out = ToolProcess.run(ffprobeBinary(), command, timeout, null,
                new ToolProcess.Stdout.Capture(PROBE_OUTPUT_LIMIT));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<String> withDefaults(List<String> args) {
        List<String> command = new ArrayList<>(FFMPEG_DEFAULTS);
        command.addAll(args);
        return command;
    }
}
