package dev.atelier.platform;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request id of the current request: taken from the caller when sane, else made. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The id of the request this thread is serving, if any. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
