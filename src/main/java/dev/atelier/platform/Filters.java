package dev.atelier.platform;

import java.util.Arrays;
import java.util.Locale;

/**
 * List filters that name one of a closed set ({@code ?kind=image}, {@code ?status=failed}) are read
 * the one way: blank means no filter, a known value (any case) is that value, anything else is
 * 400 {@code invalid_parameter} naming the parameter and what it allows. A filter that silently
 * matched nothing would look like an empty history.
 */
public final class Filters {

    private Filters() {
    }

    public static <T extends Enum<T>> T oneOf(String parameter, String value, Class<T> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip();
        for (T constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw ApiException.badRequest("invalid_parameter", parameter + " must be one of " + String.join(", ",
                        allowed(type)))
                .with("parameter", parameter)
                .with("allowed", allowed(type));
    }

    /** The values of a closed set as the API spells them: the constants' names in lower case. */
    public static <T extends Enum<T>> java.util.List<String> allowed(Class<T> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
