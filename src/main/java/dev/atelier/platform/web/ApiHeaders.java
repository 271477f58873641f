package dev.atelier.platform.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.List;

/** The headers the API description shares between operations, by name. */
public final class ApiHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String LOCATION = "Location";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String ETAG = "ETag";

    static final List<String> RESPONSE_HEADERS = List.of(REQUEST_ID, LOCATION, RETRY_AFTER, RATE_LIMIT_LIMIT,
            RATE_LIMIT_REMAINING, RATE_LIMIT_RESET, IDEMPOTENT_REPLAYED, ETAG);

    private ApiHeaders() {
    }

    /** A fresh description of the response header {@code name} (each response gets its own copy). */
    static Header header(String name, boolean required) {
        Header header = switch (name) {
            case REQUEST_ID -> header("The id of this request: the one sent when sane, else a new one. Quote it "
                    + "when reporting a problem.", new StringSchema().maxLength(64));
            case LOCATION -> header("Where the created or accepted resource lives",
                    new StringSchema().format("uri-reference"));
            case RETRY_AFTER -> header("Seconds to wait before trying again",
                    new IntegerSchema().minimum(BigDecimal.ZERO));
            case RATE_LIMIT_LIMIT -> header("Requests allowed in the current window", new IntegerSchema());
            case RATE_LIMIT_REMAINING -> header("Requests left in the current window", new IntegerSchema());
            case RATE_LIMIT_RESET -> header("Seconds until the window is full again", new IntegerSchema());
            case IDEMPOTENT_REPLAYED -> header("`true` when this is the stored answer to an earlier request with the "
                    + "same Idempotency-Key", new StringSchema()._enum(List.of("true")));
            case ETAG -> header("The entity tag of the representation", new StringSchema());
            default -> throw new IllegalArgumentException("No shared header " + name);
        };
        return required ? header.required(true) : header;
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }
}
