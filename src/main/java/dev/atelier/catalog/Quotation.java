package dev.atelier.catalog;

import java.util.List;
import java.util.Map;

/** What pricing a request gave: a quote, or the fields that are wrong with it. */
public sealed interface Quotation {

    /**
     * The request is valid and costs {@code credits} (the amount to hold).
     *
     * @param params the parameters with every default filled in: what the work should run with
     * @param price the price used: store it with the work; the actual cost is computed from it
     */
    record Quote(String modelId, Map<String, Object> params, Usage usage, PriceRule price, long credits)
            implements Quotation {
    }

    /** The request is invalid; the generation module answers 400 {@code validation_failed} with these. */
    record Invalid(List<FieldError> errors) implements Quotation {
    }
}
