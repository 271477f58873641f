package dev.atelier.generation;

/**
 * Where a provider that works synchronously inside {@code submit} says how far it is (0–100):
 * {@code request.progress().report(42)}. Cheap to call often: the job's {@code progress} and the
 * event stream are updated at most every 500 ms (sooner for a jump of 5 points or more), only
 * upwards, and never to 100 (that is success). Polled providers report through
 * {@link PollResult.Running} instead. Thread-safe; a failure to record it is logged, not thrown.
 */
@FunctionalInterface
public interface ProgressReporter {

    ProgressReporter NONE = percent -> { };

    void report(int percent);

    /** Reports a fraction of the work (0.0–1.0) mapped onto {@code from}–{@code to} percent. */
    default void fraction(double done, int from, int to) {
        double clamped = Double.isNaN(done) ? 0 : Math.clamp(done, 0.0, 1.0);
        report((int) Math.floor(from + clamped * (to - from)));
    }
}
