package dev.atelier.credits;

/** An account's credits: {@code available = balance - held} is never below zero. */
public record Balance(long balance, long held) {

    public static final Balance NONE = new Balance(0, 0);

    public long available() {
        return balance - held;
    }
}
