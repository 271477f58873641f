package dev.atelier.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rule for one parameter a model accepts.
 *
 * @param min the smallest number (int, number) or null
 * @param max the largest number, or the longest text (string), or null
 * @param values the allowed values of an enum
 * @param defaultValue used when the request leaves the parameter out; null for none
 * @param required whether a request must give it (a parameter with a default never must)
 */
public record Parameter(String name, ParameterType type, BigDecimal min, BigDecimal max, List<String> values,
        Object defaultValue, boolean required, String description) {
}
