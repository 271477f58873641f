package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class GenerateBrowserTest extends BrowserTest {

    @Test
    void aNewPersonGeneratesASketchAndSeesItArriveLiveThenMusicWithItsWaveform() {
        browser.signUp();

        new Select(browser.find(By.id("model"))).selectByValue("local/sketch");
        browser.type(By.id("prompt"), "a red lighthouse on a cliff <b>not bold</b>");
        browser.until(d -> d.findElement(By.cssSelector("[data-price]")).getText().endsWith("credits"));
        assertThat(browser.find(By.cssSelector("[data-available]")).getText()).isEqualTo("100");
        browser.shot("generate-quoted");
        browser.find(By.cssSelector("[data-submit]")).click();

        WebElement card = browser.waitFor(By.cssSelector(".job"));
        assertThat(card.findElement(By.cssSelector(".prompt")).getText())
                .isEqualTo("a red lighthouse on a cliff <b>not bold</b>"); // shown as text, never as markup
        browser.until(d -> "succeeded".equals(card.getDomAttribute("data-status")));
        WebElement image = browser.waitFor(By.cssSelector(".job[data-status=succeeded] .job-result img"));
        browser.until(d -> Boolean.TRUE.equals(browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        browser.until(d -> !d.findElement(By.cssSelector("[data-balance]")).getText().equals("100"));
        browser.loaded("generate-sketch-done");

        new Select(browser.find(By.id("model"))).selectByValue("local/tune");
        browser.type(By.id("prompt"), "a calm morning");
        browser.until(d -> d.findElement(By.cssSelector("[data-price]")).getText().endsWith("credits"));
        browser.find(By.cssSelector("[data-submit]")).click();
        browser.until(d -> d.findElements(By.cssSelector(".job[data-status=succeeded]")).size() == 2);
        browser.waitFor(By.cssSelector(".job[data-status=succeeded] canvas.waveform[data-drawn=true]"));
        assertThat(browser.find(By.cssSelector(".job[data-status=succeeded] audio")).getDomAttribute("src"))
                .contains("/media/");
        browser.loaded("generate-music-done");
    }
}
