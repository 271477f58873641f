package dev.atelier.catalog.internal;

import dev.atelier.catalog.FieldError;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's prompt and parameters against a model's rules and fills in defaults. Pure:
 * no framework, no database. Whole numbers come out as {@code Long}, other numbers as
 * {@code BigDecimal}.
 */
public final class ParameterRules {

    /** The prompt and parameters a model will run with, or what is wrong with them. */
    public record Checked(Map<String, Object> params, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private ParameterRules() {
    }

    public static Checked check(Model model, String prompt, Map<String, ?> given) {
        List<FieldError> errors = new ArrayList<>();
        if (prompt == null || prompt.isBlank()) {
            errors.add(new FieldError("prompt", "must not be blank"));
        } else if (prompt.length() > model.promptMaxLength()) { // UTF-16 chars, as the engines count
            errors.add(new FieldError("prompt", "must be at most " + model.promptMaxLength() + " characters"));
        }
        Map<String, ?> params = given == null ? Map.of() : given;
        for (String name : params.keySet()) {
            if (model.parameters().stream().noneMatch(rule -> rule.name().equals(name))) {
                errors.add(new FieldError("params." + name, "is not a parameter of " + model.id()));
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Parameter rule : model.parameters()) {
            Object value = params.get(rule.name());
            if (value == null) {
                if (rule.defaultValue() != null) {
                    resolved.put(rule.name(), normalize(rule, rule.defaultValue()));
                } else if (rule.required()) {
                    errors.add(new FieldError("params." + rule.name(), "is required"));
                }
                continue;
            }
            String problem = problem(rule, value);
            if (problem != null) {
                errors.add(new FieldError("params." + rule.name(), problem));
            } else {
                resolved.put(rule.name(), normalize(rule, value));
            }
        }
        return new Checked(errors.isEmpty() ? resolved : Map.of(), List.copyOf(errors));
    }

    private static String problem(Parameter rule, Object value) {
        return switch (rule.type()) {
            case INT -> number(value) instanceof BigDecimal n && n.stripTrailingZeros().scale() <= 0
                    ? range(rule, n) : "must be a whole number";
            case NUMBER -> number(value) instanceof BigDecimal n ? range(rule, n) : "must be a number";
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case STRING -> !(value instanceof String text) ? "must be text"
                    : rule.max() != null && text.codePointCount(0, text.length()) > rule.max().intValue()
                            ? "must be at most " + rule.max() + " characters" : null;
            case ENUM -> value instanceof String text && rule.values().contains(text)
                    ? null : "must be one of " + String.join(", ", rule.values());
        };
    }

    private static String range(Parameter rule, BigDecimal n) {
        if (rule.min() != null && n.compareTo(rule.min()) < 0) {
            return "must be at least " + rule.min().toPlainString();
        }
        if (rule.max() != null && n.compareTo(rule.max()) > 0) {
            return "must be at most " + rule.max().toPlainString();
        }
        return null;
    }

    private static Object normalize(Parameter rule, Object value) {
        return switch (rule.type()) {
            case INT -> number(value).longValueExact();
            case NUMBER -> number(value);
            default -> value;
        };
    }

    /** The value as an exact decimal, or null when it is no finite number. */
    private static BigDecimal number(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        try {
            return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null; // NaN, Infinity
        }
    }
}
