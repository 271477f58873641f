package dev.atelier.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated request for one page: how many rows, and the sort key of the last row already
 * seen ({@code after} is empty for the first page). Queries fetch {@code limit + 1} rows.
 */
public record PageRequest(int limit, List<String> after) {

    public boolean first() {
        return after.isEmpty();
    }

    public int fetchSize() {
        return limit + 1;
    }

    public Instant instant(int index) {
        return parse(() -> Instant.parse(after.get(index)));
    }

    public UUID uuid(int index) {
        return parse(() -> UUID.fromString(after.get(index)));
    }

    public long number(int index) {
        return parse(() -> Long.parseLong(after.get(index)));
    }

    public String text(int index) {
        return parse(() -> after.get(index));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            // a correctly signed cursor with the wrong shape: a cursor of an older version
            throw ApiException.badRequest("invalid_cursor", "The cursor does not fit this list");
        }
    }
}
