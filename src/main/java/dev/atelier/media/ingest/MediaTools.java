package dev.atelier.media.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * Runs the ffmpeg and ffprobe binaries that ship in the org.bytedeco:ffmpeg jar, each in its own
 * process with a timeout (a hostile file can make a decoder slow, never the server), keeping
 * stdout and the tail of stderr. Stand-in until the shared {@code platform.ffmpeg} kit lands.
 */
public class MediaTools {

    private static final int STDERR_TAIL = 4096;
    private final Duration timeout;

    public MediaTools(Duration timeout) {
        this.timeout = timeout;
    }

    /** What a finished run left: its exit code (-1 on timeout), stdout and the end of stderr. */
    public record Run(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        /** Exited cleanly and logged nothing at the level it was asked to log. */
        public boolean clean() {
            return exitCode == 0 && stderr.isBlank();
        }
    }

    public Run ffprobe(Path workDirectory, List<String> arguments) throws IOException {
        return run(Binaries.FFPROBE, workDirectory, arguments);
    }

    public Run ffmpeg(Path workDirectory, List<String> arguments) throws IOException {
        List<String> withNoInput = new ArrayList<>(List.of("-nostdin", "-hide_banner"));
        withNoInput.addAll(arguments);
        return run(Binaries.FFMPEG, workDirectory, withNoInput);
    }

    private Run run(String binary, Path workDirectory, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments);
        Path stdout = Files.createTempFile(workDirectory, "tool", ".out");
        Path stderr = Files.createTempFile(workDirectory, "tool", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        // the binaries find their shared libraries (libva among them) next to themselves
        builder.environment().put("LD_LIBRARY_PATH", Path.of(binary).getParent().toString());
        Process process = builder.start();
        try {
            int exit;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                exit = -1;
            }
            return new Run(exit, Files.readString(stdout, StandardCharsets.UTF_8), tail(stderr));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + Path.of(binary).getFileName(), e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - STDERR_TAIL);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Located once: the first load unpacks the binaries into the javacpp cache. */
    private static final class Binaries {
        static final String FFMPEG = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        static final String FFPROBE = Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
    }
}
