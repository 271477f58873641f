package dev.atelier.providers.local.engine;

/** The checks every request record shares, each failing with a message a caller can show. */
final class Requests {

    static final int MAX_PROMPT_CHARS = 2000;

    private Requests() {}

    static String prompt(String prompt) {
        return text("prompt", prompt, MAX_PROMPT_CHARS);
    }

    static String text(String name, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(name + " must be at most " + maxChars + " characters, was " + value.length());
        }
        return value;
    }

    static void inRange(String name, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + " " + unit + ", was " + value);
        }
    }
}
