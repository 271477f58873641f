package dev.atelier.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work for after the current transaction commits (at once when there is none), never inside it and
 * never for work that rolled back: waking a scheduler for work the transaction stored (it must not
 * look before the commit), counting a metric. It is what {@code @TransactionalEventListener(
 * fallbackExecution = true)} does, without Spring Modulith's event publication registry, which
 * stores (and marks processed, in transactions of their own) every publication to a transactional
 * listener: three statements and two commits per event for a counter that a restart resets anyway.
 * A failure is logged, never thrown: the transaction has committed, its caller must not hear of it.
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /** Runs {@code work} after the commit of the current transaction; a failure is logged, never thrown. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    safely(work);
                }
            });
        } else {
            safely(work);
        }
    }

    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Work after a commit failed", e);
        }
    }
}
