package dev.atelier.accounts.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer ...} into a {@link CurrentUser}: keys start with
 * {@code atl_}, everything else must be an access token. A credential that fails is answered
 * at once with a 401 that says why; no credential leaves the request anonymous for the
 * authorization rules to refuse. The account and the token's session are read on every request
 * (one keyed query), so disabling the account, changing its role or ending the session takes
 * effect at once on every node.
 */
class BearerAuthentication extends OncePerRequestFilter {

    private final AccessTokens accessTokens;
    private final ApiKeys apiKeys;
    private final Users users;
    private final Problems problems;

    BearerAuthentication(AccessTokens accessTokens, ApiKeys apiKeys, Users users, Problems problems) {
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // the auth endpoints take credentials in their bodies; a stale header must not block a refresh
        return !(path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/actuator"))
                || path.startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && eventStream(request) && request.getParameter("access_token") != null) {
            header = "Bearer " + request.getParameter("access_token");
            if (header.startsWith("Bearer " + ApiKeys.PREFIX)) {
                problems.write(request, response, new CredentialException("invalid_token",
                        "API keys are long-lived and never belong in a URL; send them in the Authorization header"));
                return;
            }
        }
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            CurrentUser user = authenticate(header);
            var authentication = new UsernamePasswordAuthenticationToken(user, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
            SecurityContextHolder.getContext().setAuthentication(authentication);
        } catch (ApiException e) {
            SecurityContextHolder.clearContext();
            problems.write(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A browser's EventSource cannot send headers, so the live events stream also takes a
     * (short-lived) access token in the query. Nothing else does: URLs end up in logs.
     */
    private static boolean eventStream(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "/api/v1/events".equals(request.getRequestURI());
    }

    private CurrentUser authenticate(String header) {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new CredentialException("invalid_token", "Use Authorization: Bearer <access token or API key>");
        }
        String credential = header.substring(7).strip();
        if (credential.length() > 4096) {
            throw CredentialException.invalidToken();
        }
        if (credential.startsWith(ApiKeys.PREFIX)) {
            return apiKeys.authenticate(credential);
        }
        AccessTokens.Verified token = accessTokens.verify(credential);
        Users.SignedIn found = users.signedIn(token.userId(), token.sessionId())
                .orElseThrow(CredentialException::invalidToken);
        if (found.user().disabled()) {
            throw CredentialException.disabled();
        }
        if (!found.sessionLive()) {
            throw new CredentialException("session_revoked",
                    "This sign-in was ended (logout, password change or a reused refresh token); sign in again");
        }
        return CurrentUser.signedIn(found.user().id(), found.user().role());
    }
}
