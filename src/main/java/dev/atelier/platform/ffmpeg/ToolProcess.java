package dev.atelier.platform.ffmpeg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of ffmpeg or ffprobe: started once a slot is free ({@link ToolSlots}), fed, drained,
 * waited for with a deadline and, on every way out (success, failure, timeout, interruption),
 * left with no live process and no live helper thread behind it.
 */
final class ToolProcess {

    static final int STDERR_TAIL_BYTES = 4096;
    private static final Duration HELPER_GRACE = Duration.ofSeconds(10);

    /** Where the tool's stdout goes: nowhere, a file, or a bounded in-memory buffer. */
    sealed interface Stdout {
        record Discard() implements Stdout {}
        record ToFile(Path file) implements Stdout {}
        record Capture(int limitBytes) implements Stdout {}
        /** Each line (at most 4 KiB, longer ones cut) to the sink; a failing sink is ignored. */
        record Lines(Consumer<String> sink) implements Stdout {}
    }

    private ToolProcess() {}

    /** Runs the tool and returns what it wrote to stdout when captured, else an empty array. */
    static byte[] run(Path binary, List<String> args, Duration timeout, StdinFeed stdin, Stdout stdout)
            throws IOException, InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        String tool = binary.getFileName().toString();
        try (ToolSlots.Slot slot = ToolSlots.acquire()) { // waiting for a turn is not part of the run's timeout
            return runHoldingSlot(tool, binary, args, timeout, stdin, stdout);
        }
    }

    private static byte[] runHoldingSlot(String tool, Path binary, List<String> args, Duration timeout,
            StdinFeed stdin, Stdout stdout) throws IOException, InterruptedException {
        Process process = start(binary, args, stdout);
        BoundedCapture stderr = BoundedCapture.tail(STDERR_TAIL_BYTES);
        BoundedCapture captured = stdout instanceof Stdout.Capture c ? BoundedCapture.head(c.limitBytes()) : null;
        List<Thread> helpers = new ArrayList<>();
        helpers.add(Helpers.start(tool + "-stderr", () -> stderr.drain(process.getErrorStream())));
        if (captured != null) {
            helpers.add(Helpers.start(tool + "-stdout", () -> captured.drain(process.getInputStream())));
        }
        if (stdout instanceof Stdout.Lines lines) {
            helpers.add(Helpers.start(tool + "-stdout", () -> readLines(new BufferedInputStream(process.getInputStream()), lines.sink())));
        }
        StdinFeeder feeder = StdinFeeder.start(tool, process, stdin);
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                Helpers.joinAll(helpers, HELPER_GRACE);
                throw new FfmpegException(tool + " timed out after " + timeout + " and was stopped", stderr.text());
            }
            Helpers.joinAll(helpers, HELPER_GRACE);
            feeder.awaitEnd(HELPER_GRACE);
            int exit = process.exitValue();
            checkOutcome(tool, exit, feeder.failure(exit), stderr, captured);
            return captured == null ? new byte[0] : captured.bytes();
        } finally {
            stopEverything(process, feeder, helpers);
        }
    }

    private static Process start(Path binary, List<String> args, Stdout stdout) throws FfmpegException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The bundled binary finds libavutil & co. through its RUNPATH, but their own dependencies
        // (libva, libdrm, shipped in the same folder) are only found through the library path.
        String inherited = System.getenv("LD_LIBRARY_PATH");
        String folder = binary.toAbsolutePath().getParent().toString();
        builder.environment().put("LD_LIBRARY_PATH", inherited == null ? folder : folder + ":" + inherited);
        builder.redirectOutput(switch (stdout) {
            case Stdout.Discard d -> Redirect.DISCARD;
            case Stdout.ToFile f -> Redirect.to(f.file().toFile());
            case Stdout.Capture c -> Redirect.PIPE;
            case Stdout.Lines l -> Redirect.PIPE;
        });
        try {
            return builder.start();
        } catch (IOException e) {
            throw new FfmpegException("could not start " + binary, "", e);
        }
    }

    private static void readLines(InputStream in, Consumer<String> sink) {
        byte[] line = new byte[4096];
        int length = 0;
        try (in) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    deliver(sink, new String(line, 0, length, StandardCharsets.UTF_8));
                    length = 0;
                } else if (length < line.length) {
                    line[length++] = (byte) b;
                }
            }
        } catch (IOException e) {
            // the process ended or was stopped; nothing more to read
        }
    }

    private static void deliver(Consumer<String> sink, String line) {
        try {
            sink.accept(line);
        } catch (RuntimeException e) {
            // progress is advisory: a failing listener must not stop draining, or ffmpeg blocks
        }
    }

    private static void checkOutcome(String tool, int exit, Throwable feederFailure,
                                     BoundedCapture stderr, BoundedCapture captured) throws FfmpegException {
        if (feederFailure != null) {
            throw new FfmpegException(tool + " stopped (exit " + exit + ") because writing its input failed: "
                    + feederFailure, stderr.text(), feederFailure);
        }
        if (exit != 0) {
            throw new FfmpegException(tool + " exited with code " + exit, stderr.text());
        }
        if (captured != null && captured.overflowed()) {
            throw new FfmpegException(tool + " wrote more to stdout than the expected maximum", stderr.text());
        }
    }

    private static void stopEverything(Process process, StdinFeeder feeder, List<Thread> helpers) {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        feeder.stop(HELPER_GRACE);
        Helpers.joinAll(helpers, HELPER_GRACE);
        Helpers.awaitExit(process, HELPER_GRACE);
    }
}
