package dev.atelier.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.platform.PlatformProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** When the browser's cookies are Secure: what the operator configured and the connection say, never Host. */
class BrowserCookiesTest {

    static BrowserCookies cookies(String publicUrl, String... trustedProxies) {
        PlatformProperties platform = new PlatformProperties(Path.of("data"), null, null, null,
                publicUrl == null ? null : URI.create(publicUrl), List.of(trustedProxies), null, null, null);
        AccountsProperties accounts = new AccountsProperties(true, null, "atelier", "atelier-api",
                Duration.ofMinutes(15), Duration.ofDays(30), "a@b.c", null, 5, 50, 50, Duration.ofMinutes(15), 5,
                Duration.ofHours(1));
        return new BrowserCookies(platform, accounts, new ClientAddresses(platform));
    }

    static MockHttpServletRequest request(String peer, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/session/refresh");
        request.setRemoteAddr(peer);
        request.addHeader("Host", "https://evil.example");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void anHttpsPublicUrlMakesEveryCookieSecure() {
        BrowserCookies cookies = cookies("https://atelier.example.com");
        MockHttpServletRequest plain = request("10.0.0.5");

        assertThat(cookies.refresh(plain, "rt_x").isSecure()).isTrue();
        assertThat(cookies.csrf(plain, "t").isSecure()).isTrue();
        assertThat(cookies.hint(plain).isSecure()).isTrue();
    }

    @Test
    void anHttpPublicUrlIsBelievedOverAnyHeader() {
        assertThat(cookies("http://atelier.local:8080", "127.0.0.1")
                .secure(request("127.0.0.1", "X-Forwarded-Proto", "https"))).isFalse();
    }

    @Test
    void withoutAPublicUrlOnlyATrustedProxyMaySayHttps() {
        assertThat(cookies(null).secure(request("203.0.113.9", "X-Forwarded-Proto", "https"))).isFalse();
        assertThat(cookies(null, "10.0.0.0/8").secure(request("203.0.113.9", "X-Forwarded-Proto", "https"))).isFalse();
        assertThat(cookies(null, "10.0.0.0/8").secure(request("10.1.2.3", "X-Forwarded-Proto", "https"))).isTrue();
        assertThat(cookies(null, "10.0.0.0/8").secure(request("10.1.2.3", "Forwarded", "for=198.51.100.7;proto=https")))
                .isTrue();
        assertThat(cookies(null, "10.0.0.0/8").secure(request("10.1.2.3"))).isFalse();
    }

    @Test
    void aTlsConnectionIsSecure() {
        MockHttpServletRequest tls = request("203.0.113.9");
        tls.setSecure(true);

        assertThat(cookies(null).secure(tls)).isTrue();
    }

    @Test
    void theRefreshCookieIsHttpOnlyStrictAndOnlySentToTheSessionEndpoints() {
        var cookie = cookies(null).refresh(request("127.0.0.1"), "rt_x");

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/api/v1/auth/session");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(30));
    }
}
