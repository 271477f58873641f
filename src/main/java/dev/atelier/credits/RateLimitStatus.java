package dev.atelier.credits;

/**
 * Where a caller stands with one rate limit, as the {@code RateLimit-*} headers tell it.
 *
 * @param limit requests allowed per period
 * @param remaining requests left right now
 * @param resetSeconds seconds until the bucket is full again
 */
public record RateLimitStatus(long limit, long remaining, long resetSeconds) {
}
