package dev.atelier.credits;

import dev.atelier.credits.internal.AccountRows;
import dev.atelier.credits.internal.AuditRows;
import dev.atelier.credits.internal.HoldRows;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.PageRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The money path other modules use. Every call is one guarded SQL statement that works inside the
 * caller's transaction (so "hold, take a job slot, insert the job" commits or rolls back as one),
 * and every call is idempotent per hold or per reference.
 *
 * <p>Amounts are whole credits between 1 and {@link #MAX_AMOUNT}; anything else is 400
 * {@code invalid_amount} and moves nothing.
 */
@Service
public class Credits {

    /** The largest single movement: far above any real price, far below overflow. */
    public static final long MAX_AMOUNT = 1_000_000_000L;
    private static final int MAX_REFERENCE = 200;

    private final HoldRows holds;
    private final AccountRows accounts;
    private final AuditRows audits;

    Credits(HoldRows holds, AccountRows accounts, AuditRows audits) {
        this.holds = holds;
        this.accounts = accounts;
        this.audits = audits;
    }

    /**
     * Sets {@code amount} credits aside for {@code reference} (e.g. {@code "generation:<jobId>"}),
     * or refuses when fewer are available. A reference is held at most once: placing it again
     * holds nothing more and answers the first {@link Hold.Placed}.
     */
    public Hold place(UUID userId, long amount, String reference) {
        requireAmount(amount, 1);
        return holds.place(userId, amount, requireReference(reference));
    }

    /**
     * Spends {@code amount} of the hold and gives the rest back. The quote was the promise: a
     * capture above the held amount takes only the held amount. Zero is allowed (nothing was
     * produced worth charging). An unknown hold is 404.
     */
    public Settlement capture(UUID holdId, long amount) {
        requireAmount(amount, 0);
        return holds.capture(holdId, amount);
    }

    /** Gives the whole hold back (failure, timeout, cancel). An unknown hold is 404. */
    public Settlement release(UUID holdId, String reason) {
        return holds.release(holdId, reason);
    }

    public Balance balance(UUID userId) {
        return accounts.balance(userId);
    }

    /**
     * Adds (positive) or takes away (negative) credits outside any hold, at most once per
     * (account, kind, reference); refused when it would leave less than zero available.
     * An unknown user is 404 {@code account_not_found}.
     */
    public Adjustment adjust(UUID userId, long amount, EntryKind kind, String reference, String reason) {
        if (!kind.direct()) {
            throw new IllegalArgumentException(kind + " is not a direct movement");
        }
        if (amount == 0 || amount < -MAX_AMOUNT || amount > MAX_AMOUNT) {
            throw invalidAmount(-MAX_AMOUNT, MAX_AMOUNT, " and not 0");
        }
        return accounts.adjust(userId, amount, kind, requireReference(reference), reason);
    }

    /** Opens the account of a user with nothing in it (idempotent). */
    public void open(UUID userId) {
        accounts.open(userId);
    }

    /** One page of the account's ledger, newest first ({@code limit + 1} rows, see Cursors). */
    public List<LedgerEntry> ledger(UUID userId, PageRequest page) {
        return accounts.ledger(userId, page);
    }

    /** Checks every invariant (ledger sums, held amounts, single settlement, nothing negative). */
    public Audit audit() {
        return audits.run(1000);
    }

    private static void requireAmount(long amount, long min) {
        if (amount < min || amount > MAX_AMOUNT) {
            throw invalidAmount(min, MAX_AMOUNT, "");
        }
    }

    static ApiException invalidAmount(long min, long max, String more) {
        return ApiException.badRequest("invalid_amount",
                "The amount must be a whole number of credits from " + min + " to " + max + more);
    }

    private static String requireReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("a reference must be 1 to " + MAX_REFERENCE + " characters");
        }
        return reference;
    }
}
