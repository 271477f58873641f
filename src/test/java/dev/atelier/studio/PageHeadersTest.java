package dev.atelier.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page: a CSP with no inline script or style, no caching, and user text never in the markup. */
@AtelierTest
class PageHeadersTest {

    static final List<String> PAGES = List.of("/", "/sign-in", "/sign-up", "/generate", "/library", "/account", "/admin");

    @Autowired
    Api api;

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() {
        for (String path : PAGES) {
            Api.Response page = api.get(path).send();

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
                            "frame-ancestors 'none'", "base-uri 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        for (String path : PAGES) {
            String html = api.get(path).send().text();

            assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void aPageHandsOutACsrfTokenAndItsHttpOnlyStrictCookie() {
        Api.Response page = api.get("/generate").send();

        assertThat(page.text()).containsPattern("<meta name=\"csrf-token\" content=\"[A-Za-z0-9_-]{20,}=*\">");
        assertThat(page.raw().headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("atelier_csrf=").contains("HttpOnly", "SameSite=Strict", "Path=/"));
    }

    @Test
    void theApiKeepsItsOwnHeadersAndStaticFilesAreServed() {
        assertThat(api.get("/studio/js/api.js").send().header("Content-Type")).contains("javascript");
        assertThat(api.get("/studio/css/studio.css").send().status()).isEqualTo(200);
        assertThat(api.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").send().status()).isEqualTo(200);
        assertThat(api.get("/fragments/models").send().text()).contains("local/sketch");
    }
}
