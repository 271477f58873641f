/**
 * Credits: balances, holds, the append-only ledger, welcome credits, and the limits on what one
 * user may start (request rates per class of operation, concurrently active jobs).
 *
 * <p>Other modules use {@link dev.atelier.credits.Credits} (place, capture and release holds),
 * {@link dev.atelier.credits.ActiveJobs} and {@link dev.atelier.credits.RateLimits}; each works
 * inside the caller's transaction. See docs/credits.md for why the money path looks as it does.
 */
package dev.atelier.credits;
