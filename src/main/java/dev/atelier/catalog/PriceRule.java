package dev.atelier.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A model's price at one moment: whole {@code credits} per {@code unit}, at least {@code minimum}.
 * A value, so the work it paid for can store it (e.g. as its three fields) and later compute
 * its actual cost by the price it was quoted, whatever the catalog says by then.
 */
public record PriceRule(PriceUnit unit, long credits, long minimum) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public PriceRule {
        if (unit == null || credits < 1 || minimum < 1) {
            throw new IllegalArgumentException("a price needs a unit and at least 1 credit per unit and as minimum");
        }
    }

    /** What {@code usage} costs: rounded up to whole credits, never below the minimum. */
    public long cost(Usage usage) {
        BigDecimal exact = switch (unit) {
            case PER_OUTPUT -> BigDecimal.valueOf(usage.outputs()).multiply(BigDecimal.valueOf(credits));
            case PER_SECOND -> usage.seconds().multiply(BigDecimal.valueOf(credits));
            case PER_1000_CHARACTERS -> BigDecimal.valueOf(usage.characters()).multiply(BigDecimal.valueOf(credits))
                    .divide(THOUSAND, 3, RoundingMode.UP);
        };
        return Math.max(minimum, exact.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    /** The actual cost of what was {@code produced}: never more than was {@code quoted} (and held). */
    public long actualCost(Usage produced, long quoted) {
        return Math.min(cost(produced), quoted);
    }
}
