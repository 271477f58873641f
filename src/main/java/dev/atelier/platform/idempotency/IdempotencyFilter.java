package dev.atelier.platform.idempotency;

import dev.atelier.platform.ApiException;
import dev.atelier.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a POST with an {@code Idempotency-Key} happen once per caller and key (Stripe's rules):
 * the first request's status and body are stored, a repeat with the same method, path, query and
 * body gets them back with {@code Idempotent-Replayed: true} and runs nothing, the same key with
 * another body is 422 {@code idempotency_key_reused}, and a repeat while the first still runs is 409
 * {@code idempotency_key_in_progress}. Server errors (5xx), 429s, 401s and 403s are not stored: the
 * key is freed so the client may retry.
 *
 * <p>This filter only prepares (reads a JSON body, hashes an upload as it streams, records the
 * response); the key is looked at by {@link Decision}, an MVC interceptor that runs after the
 * access rules. So a caller hears nothing about a key — no replay, no "reused" — unless it may
 * call the endpoint: a {@code billing:read} key cannot replay another key's stored generation.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 255;
    /** What may follow an upload's closing boundary, read to finish its fingerprint. */
    private static final long EPILOGUE = 64 * 1024;
    private static final String PENDING = IdempotencyFilter.class.getName() + ".pending";

    private final IdempotencyRecords records;
    private final Problems problems;

    IdempotencyFilter(IdempotencyRecords records, Problems problems) {
        this.records = records;
        this.problems = problems;
    }

    /** A keyed request on its way to the handler, and what deciding its key found. */
    static final class Pending {
        final String principal;
        final String key;
        final CachedBodyRequest request;
        UUID claimed;

        Pending(String principal, String key, CachedBodyRequest request) {
            this.principal = principal;
            this.key = key;
            this.request = request;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String principal = principal();
        if (principal == null) {
            chain.doFilter(request, response); // keys are per caller; anonymous calls have none
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            problems.write(request, response, ApiException.badRequest("invalid_idempotency_key",
                    "The Idempotency-Key must be 1 to " + MAX_KEY + " characters"));
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request);
        } catch (IOException e) {
            problems.write(request, response, new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                    e.getMessage() == null ? "The request body could not be read" : e.getMessage()));
            return;
        } catch (ApiException e) {
            problems.write(request, response, e); // e.g. the body arrived too slowly
            return;
        }
        Pending pending = new Pending(principal, key, cached);
        cached.setAttribute(PENDING, pending);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cached, recorded);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            if (pending.claimed != null) {
                records.forget(pending.claimed);
            }
            throw e;
        }
        if (pending.claimed != null) {
            settle(pending, recorded);
        }
        recorded.copyBodyToResponse();
    }

    private void settle(Pending pending, ContentCachingResponseWrapper recorded) throws IOException {
        int status = recorded.getStatus();
        byte[] fingerprint = null;
        Long length = null;
        if (status < 500 && status != 429 && status != 401 && status != 403) {
            if (pending.request.streamed()) {
                byte[] body = pending.request.streamedPart();
                if (body == null) {
                    body = pending.request.readRest(pending.request.streamedLength() + EPILOGUE);
                }
                fingerprint = body == null ? null : fingerprint(pending.request, body);
                length = pending.request.streamedLength();
            } else {
                fingerprint = fingerprint(pending.request, pending.request.knownPart());
            }
        }
        if (fingerprint == null) {
            records.forget(pending.claimed); // failed, refused, or a body left unread: nothing to replay
        } else {
            records.complete(pending.claimed, new IdempotencyRecords.Stored(status, recorded.getContentType(),
                    recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray()), fingerprint, length);
        }
    }

    /**
     * Decides a keyed request once the handler is known and the access rules have passed: claims the
     * key (the handler runs), or answers with the stored response, a conflict or a mismatch instead.
     * Answers whether the handler should run.
     */
    boolean decide(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pending pending = (Pending) request.getAttribute(PENDING);
        if (pending == null || pending.claimed != null) {
            return true;
        }
        CachedBodyRequest cached = pending.request;
        IdempotencyRecords.Fingerprint fingerprint = new IdempotencyRecords.Fingerprint() {
            @Override
            public byte[] known() {
                return cached.streamed() ? null : fingerprint(cached, cached.knownPart());
            }

            @Override
            public byte[] afterReading(long maxBytes) throws IOException {
                byte[] body = cached.readRest(maxBytes + EPILOGUE);
                return body == null ? null : fingerprint(cached, body);
            }
        };
        switch (records.claim(pending.principal, pending.key, fingerprint)) {
            case IdempotencyRecords.Claim.Claimed claimed -> {
                pending.claimed = claimed.id();
                request.setAttribute(IdempotentRequest.ATTRIBUTE, new IdempotentRequest(claimed.id(), pending.key));
                return true;
            }
            case IdempotencyRecords.Claim.Replay replay -> replay(response, replay.response());
            case IdempotencyRecords.Claim.InProgress ignored -> problems.write(request, response,
                    ApiException.conflict("idempotency_key_in_progress",
                            "A request with this Idempotency-Key is still running; retry shortly")
                            .header(HttpHeaders.RETRY_AFTER, "1"));
            case IdempotencyRecords.Claim.Mismatch ignored -> problems.write(request, response,
                    new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                            "This Idempotency-Key was used for a different request"));
        }
        return false;
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Stored stored) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    /**
     * What "the same request" means: method, path, query and the whole body (for an upload, the
     * hash of all its bytes but the multipart boundary; see {@link CachedBodyRequest}).
     */
    private static byte[] fingerprint(CachedBodyRequest request, byte[] bodyPart) {
        MessageDigest digest = sha256();
        String head = request.getMethod() + "\n" + request.getRequestURI() + "\n"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                + (request.streamed() ? "stream\n" : "body\n");
        digest.update(head.getBytes(StandardCharsets.UTF_8));
        digest.update(bodyPart);
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
