package dev.atelier.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error a caller must see as a problem response: an HTTP status, a stable machine-readable
 * {@code code}, a human message, and optional extra members (e.g. {@code available}).
 *
 * <p>Business outcomes callers handle are values (sealed types); this is for not-found,
 * conflict, bad input and limits, and one advice turns it into {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

    /** The members every problem document has (RFC 9457 plus Atelier's own {@code code} and {@code requestId}). */
    public static final java.util.Set<String> RESERVED =
            java.util.Set.of("type", "title", "status", "detail", "instance", "code", "requestId");

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    /**
     * Adds an extension member. It may never reuse a member the problem document already has
     * ({@link #RESERVED}): a second {@code status} key is read differently by every JSON parser.
     */
    public ApiException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem; name the extension "
                    + "after what it is (e.g. generationStatus)");
        }
        properties.put(name, value);
        return this;
    }

    public ApiException header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }
}
