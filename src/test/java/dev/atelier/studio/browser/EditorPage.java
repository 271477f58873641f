package dev.atelier.studio.browser;

import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The editor page (/projects/{id}) as a test drives it: through its buttons and fields (the
 * keyboard way that every drag also has), never by sleeping.
 */
final class EditorPage {

    private final Browser browser;

    private EditorPage(Browser browser) {
        this.browser = browser;
    }

    static EditorPage open(Browser browser, UUID project) {
        browser.open("/projects/" + project, "editor");
        return on(browser);
    }

    /** The editor page the browser is on now. */
    static EditorPage on(Browser browser) {
        browser.until(d -> "true".equals(d.findElement(By.id("editor")).getAttribute("data-ready")));
        return new EditorPage(browser);
    }

    /** Adds a library item to a track ("video", "music", "voiceover") with its button. */
    EditorPage add(UUID asset, String target) {
        By button = By.cssSelector(".lib-item[data-asset-id='" + asset + "'] .lib-add[data-target='" + target + "']");
        int before = clips(target).size();
        browser.waitFor(button).click();
        browser.until(d -> clips(target).size() == before + 1);
        return this;
    }

    List<WebElement> clips(String lane) {
        return browser.driver().findElements(By.cssSelector("#lane-" + lane + " .tl-clip"));
    }

    WebElement clip(String id) {
        return browser.waitFor(By.cssSelector("[data-clip-id='" + id + "']"));
    }

    EditorPage select(String clipId) {
        clip(clipId).click();
        browser.until(d -> "true".equals(clip(clipId).getAttribute("aria-pressed")));
        return this;
    }

    /** Sets a field of the inspector and leaves it (a change event), as a person typing would. */
    EditorPage field(String id, String value) {
        WebElement input = browser.waitFor(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        return this;
    }

    String value(String id) {
        return browser.waitFor(By.id(id)).getDomProperty("value");
    }

    EditorPage transitionAfter(String clipId, String type, String seconds) {
        select(clipId);
        new Select(browser.waitFor(By.id("insp-transition-type"))).selectByValue(type);
        field("insp-transition-duration", seconds);
        browser.find(By.id("insp-transition-apply")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".tl-transition[data-from='" + clipId + "']")));
        return this;
    }

    EditorPage addText(String text) {
        int before = clips("text").size();
        browser.find(By.id("add-text")).click();
        browser.until(d -> clips("text").size() == before + 1);
        WebElement area = browser.waitFor(By.id("insp-text"));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        browser.until(d -> clips("text").stream().anyMatch(c -> c.getText().contains(text)));
        return this;
    }

    /** Saves and waits for the new version. */
    EditorPage save() {
        browser.find(By.id("save")).click();
        browser.until(d -> d.findElement(By.id("save-state")).getText().startsWith("Saved (version"));
        return this;
    }

    String saveState() {
        return browser.find(By.id("save-state")).getText();
    }

    String message() {
        return browser.find(By.id("editor-message")).getText();
    }
}
