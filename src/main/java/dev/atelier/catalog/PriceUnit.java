package dev.atelier.catalog;

import java.util.Arrays;

/** What a model's price is counted in. */
public enum PriceUnit {
    /** each output (an image) */
    PER_OUTPUT("per_output"),
    /** each second of output, rounded up */
    PER_SECOND("per_second"),
    /** each 1,000 characters of input, rounded up */
    PER_1000_CHARACTERS("per_1000_characters");

    private final String value;

    PriceUnit(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static PriceUnit of(String value) {
        return Arrays.stream(values()).filter(unit -> unit.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown price unit " + value));
    }
}
