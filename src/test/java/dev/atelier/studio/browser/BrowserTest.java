package dev.atelier.studio.browser;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test that drives the studio's pages in a real browser against the whole application. Each test
 * gets a fresh browser (its own profile: no cookies shared), and fails on any console error.
 */
@AtelierTest
public abstract class BrowserTest {

    @Autowired
    protected Api api;

    @Autowired
    protected TestUsers users;

    protected Browser browser;

    @BeforeEach
    void startBrowser(TestInfo test) {
        // a machine without Chromium skips these (the README's "only a JDK"); CI installs it and
        // sets ATELIER_BROWSER_TESTS=required, so there a missing browser fails instead
        boolean present = Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("ATELIER_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium or chromedriver missing: " + Browser.CHROMIUM + ", "
                    + Browser.CHROMEDRIVER);
        }
        Assumptions.assumeTrue(present, "no Chromium here (apt-get install chromium chromium-driver)");
        browser = Browser.start(api.baseUrl(),
                test.getTestClass().orElseThrow().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stopBrowser() {
        if (browser == null) {
            return;
        }
        try {
            browser.assertNoConsoleErrors();
        } finally {
            browser.close();
        }
    }
}
