package dev.atelier.credits;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * A request rate: {@code requests} per {@code period}, written {@code 30/1m} in configuration.
 * Tokens come back evenly over the period (a bucket of {@code requests}, refilled greedily).
 */
public record Rate(long requests, Duration period) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\S+)\\s*");

    public Rate {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate needs at least 1 request per a positive period");
        }
    }

    /** Parses {@code "30/1m"}, {@code "5/10s"}, {@code "1000/1h"}; Spring binds configuration through it. */
    public static Rate valueOf(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a rate looks like 30/1m, not " + text);
        }
        return new Rate(Long.parseLong(matcher.group(1)), DurationStyle.detectAndParse(matcher.group(2)));
    }

    @Override
    public String toString() {
        return requests + "/" + period;
    }
}
