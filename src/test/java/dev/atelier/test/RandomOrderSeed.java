package dev.atelier.test;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Test classes and methods run in random order (src/test/resources/junit-platform.properties), so
 * that no test can lean on another having run first. JUnit logs its seed only at a level nobody
 * sees: this picks the seed unless one was given, hands it to JUnit and prints it, so that a
 * failure can be replayed with {@code -Djunit.jupiter.execution.order.random.seed=<seed>}.
 * Registered in META-INF/services.
 */
public class RandomOrderSeed implements LauncherSessionListener {

    static final String SEED = "junit.jupiter.execution.order.random.seed";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String seed = System.getProperty(SEED);
        if (seed == null || seed.isBlank()) {
            seed = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
            System.setProperty(SEED, seed);
        }
        String line = "JUnit class and method order seed: " + seed + " (replay with -D" + SEED + "=" + seed + ")";
        System.out.println(line); // Surefire files it under target/surefire-reports/null-output.txt
    }
}
