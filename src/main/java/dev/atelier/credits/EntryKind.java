package dev.atelier.credits;

/** The kinds of ledger movement. */
public enum EntryKind {
    /** credits every new account starts with, once */
    WELCOME,
    /** credits an admin added */
    GRANT,
    /** credits an admin took away */
    ADJUSTMENT,
    /** credits set aside for work */
    HOLD,
    /** the actual cost of the work, taken from its hold */
    CAPTURE,
    /** a hold given back whole */
    RELEASE;

    public String value() {
        return name().toLowerCase();
    }

    public static EntryKind of(String value) {
        return valueOf(value.toUpperCase());
    }

    /** Whether this kind moves the balance directly (not through a hold). */
    public boolean direct() {
        return this == WELCOME || this == GRANT || this == ADJUSTMENT;
    }
}
