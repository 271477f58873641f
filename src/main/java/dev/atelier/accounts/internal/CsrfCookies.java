package dev.atelier.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Spring Security's CSRF token kept in {@link BrowserCookies#CSRF} (double submit): the page is
 * rendered with the token (masked per response by Spring's XOR handler), script sends it back in
 * {@value BrowserCookies#CSRF_HEADER}; another site can neither read the page nor set the cookie.
 * Our own repository rather than Spring's cookie one so the cookie gets the same Secure decision
 * and SameSite as the refresh cookie.
 */
class CsrfCookies implements CsrfTokenRepository {

    private final BrowserCookies cookies;

    CsrfCookies(BrowserCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return token(UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookies.csrf(request, token.getToken()).toString());
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return BrowserCookies.read(request, BrowserCookies.CSRF).map(CsrfCookies::token).orElse(null);
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(BrowserCookies.CSRF_HEADER, "_csrf", value);
    }
}
