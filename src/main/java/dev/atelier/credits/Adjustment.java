package dev.atelier.credits;

import dev.atelier.platform.ApiException;

/** What a welcome, grant or adjustment did to an account. */
public sealed interface Adjustment {

    /**
     * The balance moved by {@code amount}.
     *
     * @param alreadyApplied true when this (account, kind, reference) was applied before: nothing
     *     moved again and this is the first answer
     */
    record Applied(long entryId, long amount, long balance, long held, boolean alreadyApplied) implements Adjustment {

        public long available() {
            return balance - held;
        }
    }

    /** Taking {@code amount} away would leave less than nothing available: nothing moved. */
    record Refused(long amount, long available) implements Adjustment {

        /** The problem a controller answers with: 409 {@code insufficient_credits}. */
        public ApiException problem() {
            return ApiException.conflict("insufficient_credits",
                    "Taking " + (-amount) + " credits would leave less than zero available (" + available + ")")
                    .with("available", available);
        }
    }
}
