package dev.atelier.credits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of checking every invariant of the money path against the database.
 *
 * @param violations at most {@code limit} of them; empty means every invariant holds
 */
public record Audit(Instant checkedAt, long accounts, long holds, long entries, List<Violation> violations,
        boolean truncated) {

    public boolean clean() {
        return violations.isEmpty();
    }

    /**
     * One broken invariant.
     *
     * @param check which invariant, e.g. {@code balance_equals_ledger_sum}
     * @param userId the account concerned
     * @param holdId the hold concerned, if any
     */
    public record Violation(String check, UUID userId, UUID holdId, Long expected, Long actual) {
    }
}
