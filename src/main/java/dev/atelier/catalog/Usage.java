package dev.atelier.catalog;

import java.math.BigDecimal;

/**
 * How much of a model a request asks for, or a job produced: what a {@link PriceRule} counts.
 *
 * @param outputs items produced (images)
 * @param seconds seconds of audio or video
 * @param characters characters of input text
 */
public record Usage(int outputs, BigDecimal seconds, int characters) {

    public Usage {
        if (outputs < 0 || seconds == null || seconds.signum() < 0 || characters < 0) {
            throw new IllegalArgumentException("usage cannot be negative");
        }
    }

    public static Usage outputs(int outputs) {
        return new Usage(outputs, BigDecimal.ZERO, 0);
    }

    public static Usage seconds(BigDecimal seconds) {
        return new Usage(0, seconds, 0);
    }

    public static Usage seconds(double seconds) {
        return seconds(BigDecimal.valueOf(seconds));
    }

    public static Usage characters(int characters) {
        return new Usage(0, BigDecimal.ZERO, characters);
    }
}
