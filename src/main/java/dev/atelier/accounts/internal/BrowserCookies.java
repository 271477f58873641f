package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.platform.PlatformProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The two cookies of the studio's pages. The refresh token: HttpOnly, SameSite=Strict, sent only to
 * {@value #SESSION_PATH} (no page, no API call carries it). The CSRF token's cookie: HttpOnly too
 * (pages get the token in their HTML), SameSite=Strict. Beside them {@value #HINT}, which script may read: it only says "a refresh cookie was
 * set", so a guest's page does not call the refresh endpoint for a certain 401. Both are {@code Secure}
 * when the client speaks HTTPS: the configured public URL says so, else the connection itself or a trusted proxy
 * (never the {@code Host} header).
 */
@Component
class BrowserCookies {

    static final String SESSION_PATH = "/api/v1/auth/session";
    static final String REFRESH = "atelier_refresh";
    static final String CSRF = "atelier_csrf";
    /** Readable by script, holds nothing secret: tells a page whether asking for a session is worth it. */
    static final String HINT = "atelier_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** How long a just-rotated refresh cookie still answers (several tabs loading at once). */
    static final Duration REUSE_GRACE = Duration.ofSeconds(20);

    private final PlatformProperties platform;
    private final AccountsProperties accounts;
    private final ClientAddresses addresses;

    BrowserCookies(PlatformProperties platform, AccountsProperties accounts, ClientAddresses addresses) {
        this.platform = platform;
        this.accounts = accounts;
        this.addresses = addresses;
    }

    boolean secure(HttpServletRequest request) {
        if (platform.publicUrl() != null && platform.publicUrl().getScheme() != null) {
            return "https".equalsIgnoreCase(platform.publicUrl().getScheme());
        }
        return request.isSecure() || addresses.forwardedHttps(request);
    }

    ResponseCookie refresh(HttpServletRequest request, String token) {
        return base(request, REFRESH, token, SESSION_PATH).maxAge(accounts.refreshTokenTtl()).build();
    }

    ResponseCookie hint(HttpServletRequest request) {
        return base(request, HINT, "1", "/").httpOnly(false).maxAge(accounts.refreshTokenTtl()).build();
    }

    ResponseCookie clearRefresh(HttpServletRequest request) {
        return base(request, REFRESH, "", SESSION_PATH).maxAge(Duration.ZERO).build();
    }

    ResponseCookie clearHint(HttpServletRequest request) {
        return base(request, HINT, "", "/").httpOnly(false).maxAge(Duration.ZERO).build();
    }

    ResponseCookie csrf(HttpServletRequest request, String token) {
        // a browser-session cookie: the page that carries the token is loaded again anyway
        return base(request, CSRF, token, "/").build();
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank() && cookie.getValue().length() <= 200) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private ResponseCookie.ResponseCookieBuilder base(HttpServletRequest request, String name, String value,
            String path) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(secure(request)).sameSite("Strict").path(path);
    }
}
