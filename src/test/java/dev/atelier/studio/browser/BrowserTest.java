package dev.atelier.studio.browser;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
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
        browser = Browser.start(api.baseUrl(),
                test.getTestClass().orElseThrow().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stopBrowser() {
        try {
            browser.assertNoConsoleErrors();
        } finally {
            browser.close();
        }
    }
}
