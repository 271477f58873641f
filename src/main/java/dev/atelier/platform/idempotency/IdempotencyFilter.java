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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a POST with an {@code Idempotency-Key} happen once per caller and key (Stripe's rules):
 * the first request's status and body are stored, a repeat with the same method, path and body gets
 * them back with {@code Idempotent-Replayed: true} and runs nothing, the same key with another body
 * is 422 {@code idempotency_key_reused}, and a repeat while the first still runs is 409
 * {@code idempotency_key_in_progress}. Server errors (5xx) and 429s are not stored: the key is
 * freed so the client may retry. Runs after Spring Security, keyed by the authenticated name.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 255;

    private final IdempotencyRecords records;
    private final Problems problems;

    IdempotencyFilter(IdempotencyRecords records, Problems problems) {
        this.records = records;
        this.problems = problems;
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
        }
        switch (records.claim(principal, key, fingerprint(cached))) {
            case IdempotencyRecords.Claim.Claimed claimed -> run(cached, response, chain, claimed, key);
            case IdempotencyRecords.Claim.Replay replay -> replay(response, replay.response());
            case IdempotencyRecords.Claim.InProgress ignored -> problems.write(request, response,
                    ApiException.conflict("idempotency_key_in_progress",
                            "A request with this Idempotency-Key is still running; retry shortly")
                            .header(HttpHeaders.RETRY_AFTER, "1"));
            case IdempotencyRecords.Claim.Mismatch ignored -> problems.write(request, response,
                    new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                            "This Idempotency-Key was used for a different request"));
        }
    }

    private void run(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
            IdempotencyRecords.Claim.Claimed claimed, String key) throws ServletException, IOException {
        request.setAttribute(IdempotentRequest.ATTRIBUTE, new IdempotentRequest(claimed.id(), key));
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            records.forget(claimed.id());
            throw e;
        }
        int status = recorded.getStatus();
        if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            records.forget(claimed.id());
        } else {
            records.complete(claimed.id(), new IdempotencyRecords.Stored(status, recorded.getContentType(),
                    recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray()));
        }
        recorded.copyBodyToResponse();
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

    /** What "the same request" means: method, path, query and body (see {@link CachedBodyRequest}). */
    private static byte[] fingerprint(CachedBodyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + "\n" + request.getRequestURI() + "\n"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(request.fingerprintPart());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
