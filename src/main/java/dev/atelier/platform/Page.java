package dev.atelier.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it. */
public record Page<T>(List<T> data, String nextCursor, boolean hasMore) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), nextCursor, hasMore);
    }
}
