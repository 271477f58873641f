package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class SignUpBrowserTest extends BrowserTest {

    @Test
    void aGuestSeesTheHomePageSignsUpSignsOutAndSignsInAgain() {
        browser.open("/", "home");
        assertThat(browser.find(By.cssSelector(".model-list")).getText()).contains("local/sketch");

        String email = browser.signUp();
        assertThat(browser.waitFor(By.cssSelector("[data-user-name]")).getText()).isEqualTo("Browser Tester");

        browser.find(By.cssSelector("[data-sign-out]")).click();
        browser.until(d -> d.getCurrentUrl().equals(browser.baseUrl() + "/"));
        browser.loaded("signed-out");
        assertThat(browser.find(By.cssSelector("[data-guest]")).isDisplayed()).isTrue();

        browser.signIn(email, "a long passphrase for tests");
    }

    @Test
    void aGuestOnAPageThatNeedsASessionIsSentToSignInAndBackAfterwards() {
        browser.driver().get(browser.baseUrl() + "/library");
        browser.until(d -> d.getCurrentUrl().contains("/sign-in?next=%2Flibrary"));
        browser.loaded("sign-in");
    }
}
