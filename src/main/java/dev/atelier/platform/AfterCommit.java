package dev.atelier.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counting after the current transaction commits (at once when there is none), never inside it
 * and never for work that rolled back: what {@code @TransactionalEventListener(fallbackExecution =
 * true)} does, without Spring Modulith's event publication registry, which stores (and marks
 * processed, in transactions of their own) every publication to a transactional listener: three
 * statements and two commits per event for a counter that a restart resets anyway.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /** Runs {@code count} after the commit of the current transaction; a failure is logged, never thrown. */
    public static void run(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    safely(count);
                }
            });
        } else {
            safely(count);
        }
    }

    private static void safely(Runnable count) {
        try {
            count.run();
        } catch (RuntimeException e) {
            log.warn("A metric could not be counted", e);
        }
    }
}
