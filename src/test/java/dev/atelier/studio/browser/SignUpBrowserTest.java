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

        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844)); // a phone
        for (String page : new String[] {"generate", "library", "account"}) {
            browser.open("/" + page, page + "-phone");
            assertThat(browser.script("""
                    return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                            && !e.closest('.table-wrap'))
                        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")).as("too wide for a phone: " + page)
                    .asList().isEmpty();
            assertThat((Boolean) browser.script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scrolling on a phone: " + page).isTrue();
        }
    }

    @Test
    void tabsOpenedAtOnceAllStaySignedInThoughTheyShareOneRotatingCookie() {
        browser.signUp();
        String first = browser.driver().getWindowHandle();

        browser.script("for (const page of ['/library', '/account', '/generate', '/library']) window.open(page, '_blank')");

        browser.until(d -> d.getWindowHandles().size() == 5);
        for (String tab : browser.driver().getWindowHandles()) {
            browser.driver().switchTo().window(tab);
            browser.waitLoaded();
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("/sign-in");
            assertThat(browser.find(By.cssSelector("[data-user-name]")).getText()).isEqualTo("Browser Tester");
        }
        browser.driver().switchTo().window(first);
        browser.driver().navigate().refresh(); // the session survived: the rotated cookie still works
        browser.loaded("generate-after-tabs");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/generate");
    }

    @Test
    void aGuestOnAPageThatNeedsASessionIsSentToSignInAndBackAfterwards() {
        browser.driver().get(browser.baseUrl() + "/library");
        browser.until(d -> d.getCurrentUrl().contains("/sign-in?next=%2Flibrary"));
        browser.loaded("sign-in");
    }

    @Test
    void someoneWithASessionIsSentFromSignInAndSignUpToWhereTheyWereGoing() {
        browser.signUp();

        browser.driver().get(browser.baseUrl() + "/sign-in?next=%2Flibrary");
        browser.until(d -> d.getCurrentUrl().equals(browser.baseUrl() + "/library"));
        browser.loaded("library-from-sign-in");

        browser.driver().get(browser.baseUrl() + "/sign-up");
        browser.until(d -> d.getCurrentUrl().equals(browser.baseUrl() + "/generate"));
        browser.loaded("generate-from-sign-up");

        browser.driver().get(browser.baseUrl() + "/sign-in?next=%2F%2Fevil.example%2F"); // never off the site
        browser.until(d -> d.getCurrentUrl().equals(browser.baseUrl() + "/generate"));
        browser.loaded("generate-not-elsewhere");
    }
}
