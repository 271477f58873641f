package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web pages' session: refresh token in an HttpOnly cookie, CSRF on every cookie call, tabs at once. */
@AtelierTest
class BrowserSessionTest {

    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    /** What a page gives its script: the CSRF cookie and the token in the page. */
    record Page(String csrfCookie, String token) {
    }

    private Page page() {
        Api.Response page = api.get("/sign-in").send();
        Matcher meta = META.matcher(page.text());
        assertThat(meta.find()).isTrue();
        return new Page(cookie(page, "atelier_csrf").getValue(), meta.group(1));
    }

    private static HttpCookie cookie(Api.Response response, String name) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .flatMap(header -> HttpCookie.parse(header).stream())
                .filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    private static String setCookie(Api.Response response, String name) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "=")).findFirst().orElse(null);
    }

    private Api.Response signUp(Page page) {
        return api.post("/api/v1/auth/session/signup")
                .header("Cookie", "atelier_csrf=" + page.csrfCookie())
                .header("X-CSRF-Token", page.token())
                .json(Map.of("email", TestUsers.uniqueEmail(), "password", TestUsers.PASSWORD, "name", "Tab"))
                .send();
    }

    private Api.Response refresh(Page page, String refreshToken) {
        return api.post("/api/v1/auth/session/refresh")
                .header("Cookie", "atelier_csrf=" + page.csrfCookie() + "; atelier_refresh=" + refreshToken)
                .header("X-CSRF-Token", page.token())
                .send();
    }

    @Test
    void signingUpSetsAnHttpOnlyStrictCookieScopedToTheSessionPathAndAnswersNoRefreshToken() {
        Api.Response signedUp = signUp(page());

        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.json().has("refreshToken")).isFalse();
        assertThat(signedUp.json().get("accessToken").asString()).isNotBlank();
        assertThat(setCookie(signedUp, "atelier_refresh"))
                .contains("Path=/api/v1/auth/session", "HttpOnly", "SameSite=Strict", "Max-Age=2592000")
                .doesNotContain("Secure"); // plain http here; see secureWhenThePublicUrlIsHttps
        assertThat(setCookie(signedUp, "atelier_session")).contains("Path=/").doesNotContain("HttpOnly");
        String access = signedUp.json().get("accessToken").asString();
        assertThat(api.get("/api/v1/me").bearer(access).send().status()).isEqualTo(200);
    }

    @Test
    void aCookieCallWithoutTheCsrfTokenIsRefusedWithAProblem() {
        Page page = page();
        String refreshToken = cookie(signUp(page), "atelier_refresh").getValue();

        Api.Response missing = api.post("/api/v1/auth/session/refresh")
                .header("Cookie", "atelier_csrf=" + page.csrfCookie() + "; atelier_refresh=" + refreshToken)
                .unvalidatedRequest().send();
        Api.Response wrong = api.post("/api/v1/auth/session/refresh")
                .header("Cookie", "atelier_csrf=" + page.csrfCookie() + "; atelier_refresh=" + refreshToken)
                .header("X-CSRF-Token", page().token()) // another page's token: made for another cookie
                .send();
        Api.Response noCookie = api.post("/api/v1/auth/session/login")
                .header("X-CSRF-Token", page.token())
                .json(Map.of("email", "someone@example.com", "password", TestUsers.PASSWORD)).send();

        for (Api.Response refused : List.of(missing, wrong, noCookie)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("csrf_token_invalid");
        }
        assertThat(refresh(page, refreshToken).status()).isEqualTo(200); // the session was not touched
    }

    @Test
    void tabsLoadingAtOnceAllGetAnAccessTokenAndTheSessionSurvives() throws Exception {
        Page page = page();
        String cookie = cookie(signUp(page), "atelier_refresh").getValue();

        List<Api.Response> tabs;
        try (var pool = Executors.newFixedThreadPool(6)) {
            List<Callable<Api.Response>> loads = IntStream.range(0, 6)
                    .<Callable<Api.Response>>mapToObj(i -> () -> refresh(page, cookie)).toList();
            tabs = pool.invokeAll(loads).stream().map(BrowserSessionTest::get).toList();
        }

        assertThat(tabs).allSatisfy(tab -> assertThat(tab.status()).isEqualTo(200));
        List<String> rotated = tabs.stream().map(tab -> cookie(tab, "atelier_refresh"))
                .filter(c -> c != null).map(HttpCookie::getValue).toList();
        assertThat(rotated).hasSize(1); // one tab rotated the cookie; the others left it alone
        for (Api.Response tab : tabs) {
            assertThat(api.get("/api/v1/me").bearer(tab.json().get("accessToken").asString()).send().status())
                    .isEqualTo(200);
        }
        assertThat(refresh(page, rotated.getFirst()).status()).isEqualTo(200);
    }

    @Test
    void anOldCookieAfterTheGraceIsAThiefAndEndsTheSession() {
        Page page = page();
        String first = cookie(signUp(page), "atelier_refresh").getValue(); // then the grace passes:
        Api.Response legitimate = refresh(page, first);
        String access = legitimate.json().get("accessToken").asString();
        jdbc.sql("update refresh_tokens set used_at = used_at - interval '1 minute' where user_id = :user and used_at is not null")
                .param("user", java.util.UUID.fromString(legitimate.json().get("user").get("id").asString())).update();

        Api.Response thief = refresh(page, first);

        assertThat(thief.status()).isEqualTo(401);
        assertThat(thief.json().get("code").asString()).isEqualTo("refresh_token_reused");
        assertThat(setCookie(thief, "atelier_refresh")).contains("Max-Age=0");
        assertThat(api.get("/api/v1/me").bearer(access).send().status()).isEqualTo(401);
        assertThat(refresh(page, cookie(legitimate, "atelier_refresh").getValue()).status()).isEqualTo(401);
    }

    @Test
    void theJsonRefreshOfApiClientsStillRotatesStrictly() {
        Api.Response signedUp = api.post("/api/v1/auth/signup")
                .json(Map.of("email", TestUsers.uniqueEmail(), "password", TestUsers.PASSWORD, "name", "Client")).send();
        String token = signedUp.json().get("refreshToken").asString();
        assertThat(api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", token)).send().status()).isEqualTo(200);

        Api.Response again = api.post("/api/v1/auth/refresh").json(Map.of("refreshToken", token)).send();

        assertThat(again.status()).isEqualTo(401); // no grace for API clients: they hold their own token
        assertThat(again.json().get("code").asString()).isEqualTo("refresh_token_reused");
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookies() {
        Page page = page();
        Api.Response signedUp = signUp(page);
        String refreshToken = cookie(signedUp, "atelier_refresh").getValue();

        Api.Response out = api.post("/api/v1/auth/session/logout")
                .header("Cookie", "atelier_csrf=" + page.csrfCookie() + "; atelier_refresh=" + refreshToken)
                .header("X-CSRF-Token", page.token()).send();

        assertThat(out.status()).isEqualTo(204);
        assertThat(setCookie(out, "atelier_refresh")).contains("Max-Age=0");
        assertThat(setCookie(out, "atelier_session")).contains("Max-Age=0");
        assertThat(api.get("/api/v1/me").bearer(signedUp.json().get("accessToken").asString()).send().status())
                .isEqualTo(401);
        Api.Response after = refresh(page, refreshToken);
        assertThat(after.status()).isEqualTo(401);
    }

    @Test
    void aRefreshWithNoCookieIsNoSession() {
        Page page = page();
        Api.Response none = api.post("/api/v1/auth/session/refresh")
                .header("Cookie", "atelier_csrf=" + page.csrfCookie())
                .header("X-CSRF-Token", page.token()).send();

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asString()).isEqualTo("no_session");
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
