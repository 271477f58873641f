package dev.atelier.catalog;

/** One invalid field of a request, e.g. {@code params.width}: "must be at most 2048". */
public record FieldError(String field, String message) {
}
