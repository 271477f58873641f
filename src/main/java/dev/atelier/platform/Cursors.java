package dev.atelier.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident cursors for keyset pagination.
 *
 * <p>A cursor carries the sort key of the last row of a page, signed with HMAC-SHA256 over the
 * list's {@code scope} (e.g. {@code "assets:" + userId + ":" + filters}) so a cursor from one
 * list, one user or one filter cannot be replayed against another. A forged, truncated or
 * foreign cursor is a 400 {@code invalid_cursor}.
 */
@Component
public class Cursors {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final int MAX_CURSOR_LENGTH = 1024;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Hmac hmac;

    Cursors(PlatformProperties properties, Secrets secrets) {
        this.hmac = new Hmac(secrets.getOrCreate("cursor-key", properties.cursorSecret(), 32)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Validates {@code limit} and {@code cursor} from a request into a page request for {@code scope}. */
    public PageRequest request(String scope, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(size, List.of());
        }
        return new PageRequest(size, decode(scope, cursor));
    }

    /**
     * Turns {@code limit + 1} fetched rows into a page: the extra row only says there is more.
     */
    public <T> Page<T> page(String scope, PageRequest request, List<T> fetched, Function<T, List<?>> sortKey) {
        boolean hasMore = fetched.size() > request.limit();
        List<T> data = hasMore ? List.copyOf(fetched.subList(0, request.limit())) : List.copyOf(fetched);
        String next = hasMore ? encode(scope, sortKey.apply(data.getLast())) : null;
        return new Page<>(data, next, hasMore);
    }

    String encode(String scope, List<?> values) {
        List<String> parts = new ArrayList<>();
        for (Object value : values) {
            parts.add(ENCODER.encodeToString(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
        String payload = String.join("~", parts);
        return payload + "." + ENCODER.encodeToString(signature(scope, payload));
    }

    List<String> decode(String scope, String cursor) {
        int dot = cursor.lastIndexOf('.');
        if (cursor.length() > MAX_CURSOR_LENGTH || dot <= 0) {
            throw invalid();
        }
        String payload = cursor.substring(0, dot);
        try {
            byte[] given = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(given, signature(scope, payload))) {
                throw invalid();
            }
            return Arrays.stream(payload.split("~", -1))
                    .map(part -> new String(DECODER.decode(part), StandardCharsets.UTF_8))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] signature(String scope, String payload) {
        return Arrays.copyOf(hmac.sign(scope + "\n" + payload), 16);
    }

    private static ApiException invalid() {
        return ApiException.badRequest("invalid_cursor", "The cursor is malformed, expired or belongs to another list");
    }
}
