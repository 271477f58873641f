package dev.atelier.credits.internal;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one case our single statements cannot answer by themselves: two calls for the same
 * reference at the same instant. Both pass the "not placed yet" check against their snapshot; the
 * unique index lets one in and fails the other's whole statement (so it moved nothing). Alone, we
 * run the statement again and it answers what the winner did. Inside a caller's transaction that
 * transaction is already aborted, so the caller gets the exception and its whole unit rolls back.
 */
final class Retry {

    private Retry() {
    }

    static <T> T onceOnDuplicate(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DuplicateKeyException e) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw e;
            }
            return statement.get();
        }
    }
}
