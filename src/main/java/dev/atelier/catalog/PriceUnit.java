package dev.atelier.catalog;

/** What a model's price is counted in. */
public enum PriceUnit {
    /** each output (an image) */
    PER_OUTPUT("per_output"),
    /** each second of output, rounded up */
    PER_SECOND("per_second"),
    /** each 1,000 characters of input, rounded up */
    PER_1000_CHARACTERS("per_1000_characters");

    private static final PriceUnit[] UNITS = values();

    private final String value;

    PriceUnit(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static PriceUnit of(String value) {
        for (PriceUnit unit : UNITS) {
            if (unit.value.equals(value)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown price unit " + value);
    }
}
