package dev.atelier.credits;

import java.util.UUID;

/**
 * Credits were spent: a hold was captured for {@code amount} (above zero), leaving the account at
 * {@code balanceAfter}. Published synchronously inside the capture's transaction, once per hold.
 */
public record CreditsCaptured(UUID userId, UUID holdId, long amount, long balanceAfter) {
}
