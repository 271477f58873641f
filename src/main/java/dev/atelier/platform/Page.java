package dev.atelier.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it. */
@Schema(requiredProperties = {"data", "hasMore"})
public record Page<T>(List<T> data,
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page") String nextCursor,
        boolean hasMore) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), nextCursor, hasMore);
    }
}
