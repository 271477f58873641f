package dev.atelier.platform.ffmpeg;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The helper threads of a tool run, and waits that stay bounded even when interrupted. */
final class Helpers {

    private Helpers() {}

    static Thread start(String name, Runnable work) {
        return Thread.ofPlatform().name(name).daemon().start(work);
    }

    /** Joins each thread until the shared deadline; an interrupt is remembered and restored. */
    static void joinAll(List<Thread> threads, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    thread.join(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a killed process to be reaped, so no zombie outlives the run. */
    static void awaitExit(Process process, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
