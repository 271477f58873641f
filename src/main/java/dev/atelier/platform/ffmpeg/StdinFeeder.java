package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@link StdinFeed} on its own thread, so the caller can keep waiting for the process with
 * a deadline while the input is written; a write into a stuck tool would otherwise block forever.
 */
final class StdinFeeder {

    private final Thread thread;
    private volatile Throwable failure;

    private StdinFeeder(Process process, StdinFeed feed, String name) {
        this.thread = feed == null ? null : Helpers.start(name, () -> feed(process, feed));
    }

    static StdinFeeder start(String tool, Process process, StdinFeed feed) {
        if (feed == null) {
            closeQuietly(process.getOutputStream());
        }
        return new StdinFeeder(process, feed, tool + "-stdin");
    }

    private void feed(Process process, StdinFeed feed) {
        OutputStream stdin = process.getOutputStream();
        try {
            feed.writeTo(stdin);
            stdin.close();
        } catch (Throwable e) {
            failure = e;
            // Kill before closing: a tool that saw the end of its input would finish a truncated file.
            process.destroyForcibly();
            closeQuietly(stdin);
        }
    }

    /** Waits for the feed to finish after the process ended; one that does not is a failure. */
    void awaitEnd(Duration grace) {
        if (thread == null) {
            return;
        }
        Helpers.joinAll(List.of(thread), grace);
        if (thread.isAlive() && failure == null) {
            failure = new IllegalStateException("the input writer did not finish after the tool exited");
        }
    }

    /**
     * Why writing the input failed, or null. A broken pipe after the tool exited successfully is
     * not a failure: the tool had read all it wanted (for example with {@code -t}).
     */
    Throwable failure(int exitCode) {
        Throwable seen = failure;
        return exitCode == 0 && seen instanceof IOException ? null : seen;
    }

    void stop(Duration grace) {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            Helpers.joinAll(List.of(thread), grace);
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException alreadyBrokenBecauseTheProcessEnded) {
            // nothing left to tell the process
        }
    }
}
