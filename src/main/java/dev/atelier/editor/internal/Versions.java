package dev.atelier.editor.internal;

import dev.atelier.platform.ApiException;
import org.springframework.http.HttpStatus;

/**
 * ETags and {@code If-Match}: a project's ETag is its version in quotes ({@code "7"}). A change
 * needs an {@code If-Match} naming the current version (or {@code *}); a weak tag ({@code W/"7"},
 * as some proxies rewrite them) is taken for the strong one.
 */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Throws 428 when {@code ifMatch} is missing, 412 when it names another version than {@code current}. */
    static void require(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "precondition_required",
                    "Send If-Match with the project's ETag (from GET) so that edits made meanwhile are not lost");
        }
        if (!matches(ifMatch, current)) {
            throw mismatch(current);
        }
    }

    /** When present, {@code ifMatch} must name {@code current}; absent is allowed. */
    static void checkIfPresent(String ifMatch, long current) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, current)) {
            throw mismatch(current);
        }
    }

    static ApiException mismatch(long current) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "version_mismatch",
                "The project changed since you read it; it is now at version " + current
                        + ": read it again and reapply your change")
                .with("currentVersion", current)
                .header("ETag", etag(current));
    }

    private static boolean matches(String ifMatch, long current) {
        if (ifMatch.length() > 1000) {
            return false;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag(current))) {
                return true;
            }
        }
        return false;
    }
}
