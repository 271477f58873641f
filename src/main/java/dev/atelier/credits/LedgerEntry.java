package dev.atelier.credits;

import java.time.Instant;
import java.util.UUID;

/**
 * One movement on an account, as it stands in the append-only ledger.
 *
 * @param amount how the balance changed (negative when credits were spent or taken away)
 * @param heldChange how the held credits changed
 * @param reference what it was for (a job, a welcome, an admin request)
 */
public record LedgerEntry(long id, EntryKind kind, long amount, long heldChange, long balanceAfter, long heldAfter,
        String reference, UUID holdId, String reason, Instant createdAt) {
}
