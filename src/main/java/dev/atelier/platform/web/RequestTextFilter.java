package dev.atelier.platform.web;

import dev.atelier.platform.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, query strings and paths that no parameter could be
 * made from: malformed percent-encoding ({@code %zz}, a lone {@code %}), bytes that are not UTF-8,
 * and text Atelier refuses ({@link Text}: NUL, control characters). The answer is 400
 * {@code invalid_parameter} naming the parameter (or {@code path}), the same for every endpoint,
 * instead of whatever each parser downstream would make of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestTextFilter extends OncePerRequestFilter {

    /** Below Tomcat's own limit (1000), which would otherwise end in an exception on first read. */
    static final int MAX_PARAMETERS = 200;

    private final Problems problems;

    RequestTextFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiException refused = checkPath(request.getRequestURI());
        if (refused == null) {
            refused = checkQuery(request.getQueryString());
        }
        if (refused != null) {
            problems.write(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    static ApiException checkPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = decode(segment, false);
            if (decoded == null || !Text.acceptable(decoded)) {
                return invalid("path", "A segment of the path is not valid percent-encoded UTF-8 text");
            }
        }
        return null;
    }

    static ApiException checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        String[] pairs = query.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            return invalid("(query)", "A query may have at most " + MAX_PARAMETERS + " parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, true);
            if (name == null || name.isEmpty() || !Text.acceptable(name)) {
                return invalid("(name)", "A query parameter's name is not valid percent-encoded UTF-8 text");
            }
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            if (value == null) {
                return invalid(name, "The value of " + name + " is not valid percent-encoded UTF-8");
            }
            if (!Text.acceptable(value)) {
                return invalid(name, "The value of " + name + " contains a character Atelier does not accept ("
                        + Text.describe(value) + ")");
            }
        }
        return null;
    }

    /** Strict percent-decoding into UTF-8; null when malformed. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static ApiException invalid(String parameter, String message) {
        return ApiException.badRequest("invalid_parameter", message).with("parameter", parameter);
    }
}
