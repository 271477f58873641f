package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class AdminBrowserTest extends BrowserTest {

    @Test
    void anAdminGrantsCreditsDisablesAUserPricesAModelAndAuditsTheLedger() {
        TestUsers.TestUser admin = users.admin();
        TestUsers.TestUser someone = users.signUp();
        browser.signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        browser.waitFor(By.linkText("Admin"));
        browser.open("/admin", "admin");

        browser.type(By.id("user-email"), someone.email());
        browser.find(By.cssSelector("[data-user-search] [type=submit]")).click();
        WebElement row = browser.until(d -> {
            var rows = d.findElements(By.cssSelector("[data-users] tbody tr"));
            return rows.size() == 1 && rows.getFirst().getText().contains(someone.email()) ? rows.getFirst() : null;
        });
        WebElement amount = row.findElement(By.cssSelector(".grant input[type=number]"));
        amount.clear();
        amount.sendKeys("50");
        row.findElement(By.cssSelector(".grant [type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector("[data-toasts]")).getText().contains("+50 credits, 150 available"));
        assertThat(api.get("/api/v1/credits").bearer(someone.accessToken()).send().json().get("available").asLong())
                .isEqualTo(150);

        row.findElement(By.xpath(".//button[text()='Disable']")).click();
        browser.find(By.cssSelector("dialog [value=yes]")).click();
        browser.until(d -> d.findElement(By.cssSelector("[data-users] tbody tr")).getText().toLowerCase().contains("disabled"));
        assertThat(api.get("/api/v1/me").bearer(someone.accessToken()).send().status()).isEqualTo(401);
        browser.shot("admin-user-changed");

        Map<?, ?> before = price("comfyui/txt2img", admin);
        WebElement model = browser.find(By.cssSelector("[data-models] tr[data-model='comfyui/txt2img']"));
        WebElement credits = model.findElement(By.cssSelector("input[aria-label^='Credits per unit']"));
        credits.clear();
        credits.sendKeys("7");
        model.findElement(By.xpath(".//button[text()='Save']")).click();
        browser.until(d -> d.findElement(By.cssSelector("[data-toasts]")).getText().contains("comfyui/txt2img: 7 credits"));
        assertThat(price("comfyui/txt2img", admin).get("credits")).isEqualTo(7);
        api.put("/api/v1/admin/models/comfyui/txt2img").bearer(admin.accessToken())
                .json(Map.of("price", before)).send(); // as it was, for the tests after this one

        assertThat(browser.find(By.cssSelector("[data-providers] [data-provider=local]")).getText().toLowerCase()).contains("available");
        browser.find(By.cssSelector("[data-audit]")).click();
        browser.until(d -> d.findElement(By.cssSelector("[data-audit-result]")).getText().contains("ledger entries checked"));
        browser.loaded("admin-audited");
    }

    @Test
    void someoneWhoIsNoAdminIsToldSoAndSeesNoAdminLink() {
        browser.signUp();
        assertThat(browser.driver().findElements(By.linkText("Admin"))).isEmpty();
        browser.open("/admin", "admin-not-admin");
        assertThat(browser.find(By.cssSelector("[data-not-admin]")).isDisplayed()).isTrue();
    }

    private Map<?, ?> price(String id, TestUsers.TestUser admin) {
        for (var model : api.get("/api/v1/admin/models?limit=100").bearer(admin.accessToken()).send().json().get("data")) {
            if (model.get("id").asString().equals(id)) {
                return Map.of("credits", model.get("price").get("credits").asInt(),
                        "minimum", model.get("price").get("minimum").asInt());
            }
        }
        throw new AssertionError("no model " + id);
    }
}
