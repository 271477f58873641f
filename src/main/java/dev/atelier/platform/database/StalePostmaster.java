package dev.atelier.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a postgres left running by a killed Atelier before a new one starts on the same data.
 *
 * <p>Embedded postgres runs in its own session, so {@code kill -9} of the JVM leaves it alive
 * holding {@code postmaster.pid}, and the next start then waits and fails. We stop it only when
 * the pid file names a live process that is a postgres binary serving this very directory;
 * a stale file with no live process is postgres' own business (crash recovery).
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = find(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        log.warn("A postgres (pid {}) left by an earlier run still serves {}; asking it to stop", pid, dataDirectory);
        // SIGINT is postgres' "fast shutdown": ends sessions, writes a checkpoint, exits cleanly
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        try {
            postmaster.get().onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The postgres left running (pid " + pid + ") did not stop within "
                    + patience.toSeconds() + " s; stop it by hand", e);
        }
    }

    static Optional<ProcessHandle> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Path served = Path.of(lines.get(1).strip());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres)
                .filter(process -> sameDirectory(served, dataDirectory));
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
