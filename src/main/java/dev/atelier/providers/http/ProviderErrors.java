package dev.atelier.providers.http;

import dev.atelier.generation.ProviderFailure;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a provider's HTTP error into one of Atelier's stable codes with a readable message:
 * {@code invalid_parameters}, {@code content_filtered}, {@code provider_quota_exhausted},
 * {@code provider_auth_failed}, {@code provider_not_found} (permanent) and {@code rate_limited},
 * {@code provider_unavailable}, {@code provider_timeout} (retryable, with the provider's
 * {@code Retry-After}). Messages are the provider's own, shortened, with the key masked.
 */
public final class ProviderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private ProviderErrors() {
    }

    public static ProviderFailure of(String provider, int status, HttpHeaders headers, String body, String secret,
            Instant now) {
        String said = redact(messageOf(body), secret);
        String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
        Duration retryAfter = retryAfter(headers, now).orElse(null);
        if (filtered(lower)) {
            return ProviderFailure.permanent("content_filtered", provider + " refused the content: " + said);
        }
        if (status == 402 || lower.contains("insufficient_quota") || lower.contains("quota_exceeded")
                || lower.contains("billing")) {
            return ProviderFailure.permanent("provider_quota_exhausted",
                    "Atelier's account at " + provider + " has run out of quota: " + said);
        }
        return switch (status) {
            case 400, 413, 422 -> ProviderFailure.permanent("invalid_parameters",
                    provider + " refused the request: " + said);
            case 401, 403 -> ProviderFailure.permanent("provider_auth_failed",
                    provider + " refused Atelier's credentials; an operator must check its key");
            case 404, 410 -> ProviderFailure.permanent("provider_not_found", provider + " does not know it: " + said);
            case 429 -> ProviderFailure.transientFailure("rate_limited", provider + " is rate limiting: " + said,
                    retryAfter);
            case 408, 409, 425 -> ProviderFailure.transientFailure("provider_unavailable",
                    provider + " answered " + status + ": " + said, retryAfter);
            default -> status >= 500
                    ? ProviderFailure.transientFailure("provider_unavailable",
                            provider + " is unavailable (HTTP " + status + ")", retryAfter)
                    : ProviderFailure.permanent("provider_error", provider + " answered HTTP " + status + ": " + said);
        };
    }

    /** A reply that could not be understood: retried (a proxy's error page, a cut body), then failed. */
    public static ProviderFailure malformed(String provider, String what) {
        return ProviderFailure.transientFailure("provider_bad_response",
                provider + " answered something Atelier could not read (" + what + ")", null);
    }

    static boolean filtered(String lower) {
        return lower.contains("content_policy") || lower.contains("moderation_blocked") || lower.contains("nsfw")
                || lower.contains("safety system") || lower.contains("content_filter");
    }

    /** {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        if (headers == null) {
            return Optional.empty();
        }
        try {
            Optional<String> millis = headers.firstValue("retry-after-ms");
            if (millis.isPresent()) {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get().strip())));
            }
            Optional<String> value = headers.firstValue("retry-after");
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String text = value.get().strip();
            if (text.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            }
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The provider's own words: OpenAI/Google {@code error.message}, Replicate/fal/ElevenLabs {@code detail}, … */
    static String messageOf(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (JsonNode candidate : new JsonNode[] {node.path("error").path("message"), node.path("detail").path("message"),
                    node.path("detail").path(0).path("msg"), node.path("detail"), node.path("error"), node.path("message"),
                    node.path("title")}) {
                if (candidate.isString() && !candidate.asString().isBlank()) {
                    return shorten(candidate.asString());
                }
            }
        } catch (RuntimeException e) {
            // not JSON: an error page
        }
        return shorten(body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
    }

    static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    /** Masks the key wherever a provider echoes it back. */
    public static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isBlank()) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
