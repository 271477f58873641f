package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class AccountBrowserTest extends BrowserTest {

    @Test
    void anApiKeyIsMadeWithScopesShownOnceRotatedAndRevoked() {
        browser.signUp();
        browser.open("/account", "account");
        assertThat(browser.find(By.cssSelector("[data-credits]")).getText()).contains("Available", "100");
        assertThat(browser.find(By.cssSelector("[data-ledger] tbody")).getText()).contains("welcome", "+100");

        browser.type(By.id("key-name"), "my <script> key");
        browser.find(By.cssSelector("input[value='library:read']")).click();
        browser.find(By.cssSelector("[data-new-key] [type=submit]")).click();
        String secret = browser.until(d -> {
            String value = d.findElement(By.cssSelector("[data-secret-value]")).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
        assertThat(secret).startsWith("atl_");
        browser.find(By.cssSelector("[data-copy]")).click();
        browser.waitFor(By.cssSelector(".toast"));
        browser.shot("account-key-shown");
        assertThat(api.get("/api/v1/assets").bearer(secret).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/generations").bearer(secret).send().status()).isEqualTo(403); // not its scope

        browser.open("/account", "account-reloaded");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        WebElement row = browser.waitFor(By.cssSelector("[data-keys] tbody tr"));
        assertThat(row.getText().toLowerCase()).contains("my <script> key", "library:read", "active");

        row.findElement(By.xpath(".//button[text()='Rotate']")).click();
        browser.find(By.cssSelector("dialog [value=yes]")).click();
        String rotated = browser.until(d -> {
            String value = d.findElement(By.cssSelector("[data-secret-value]")).getDomProperty("value");
            return value == null || value.isEmpty() || value.equals(secret) ? null : value;
        });
        browser.until(d -> d.findElements(By.cssSelector("[data-keys] tbody tr")).size() == 2);
        assertThat(browser.find(By.cssSelector("[data-keys] tbody")).getText().toLowerCase()).contains("rotated: works until");
        assertThat(api.get("/api/v1/assets").bearer(secret).send().status()).isEqualTo(200); // the grace
        browser.loaded("account-rotated");

        WebElement fresh = browser.find(By.cssSelector("[data-keys] tbody tr"));
        fresh.findElement(By.xpath(".//button[text()='Revoke']")).click();
        browser.waitFor(By.cssSelector("dialog[open]"));
        browser.find(By.cssSelector("dialog [value=yes]")).click();
        browser.until(d -> d.findElement(By.cssSelector("[data-keys] tbody tr")).getText().toLowerCase().contains("revoked"));
        assertThat(api.get("/api/v1/assets").bearer(rotated).send().status()).isEqualTo(401);
        browser.loaded("account-revoked");
    }
}
