package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The project list: create in each shape, rename, duplicate, delete; and both editor pages on a phone. */
class ProjectsBrowserTest extends BrowserTest {

    @Test
    void projectsAreCreatedInEachShapeRenamedDuplicatedAndDeleted() {
        TestUser user = users.signUp();
        browser.signIn(user.email(), TestUsers.PASSWORD);
        browser.open("/projects", "projects-empty");
        assertThat(browser.find(By.id("projects-empty")).isDisplayed()).isTrue();

        create("Portrait <b>story</b>", "portrait", "1080p");
        browser.open("/projects", "projects-one");
        create("Square post", "square", "720p");
        browser.open("/projects", "projects-two");

        List<WebElement> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Square post", "1:1", "720×720");
        // user text is text: the name shows its angle brackets, nothing is made of them
        assertThat(rows.get(1).getText()).contains("Portrait <b>story</b>", "9:16", "1080×1920");
        assertThat(rows.get(1).findElements(By.tagName("b"))).isEmpty();

        rows.get(0).findElement(By.cssSelector(".pj-rename")).click();
        WebElement name = browser.waitFor(By.cssSelector(".pj-rename-input"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Square reel", Keys.ENTER);
        browser.until(d -> rows().get(0).getText().contains("Square reel"));

        rows().get(0).findElement(By.cssSelector(".pj-duplicate")).click();
        browser.until(d -> rows().size() == 3 && rows().get(0).getText().contains("Square reel (copy)"));
        browser.shot("duplicated");

        rows().get(0).findElement(By.cssSelector(".pj-delete")).click();
        WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
        browser.shot("confirm-delete");
        dialog.findElement(By.cssSelector("button[value=yes]")).click();
        browser.until(d -> rows().size() == 2);
        Api.Response list = api.get("/api/v1/projects").bearer(user.accessToken()).send();
        assertThat(list.json().get("data")).hasSize(2);
        browser.shot("deleted");
    }

    @Test
    void bothPagesFitAPhone() {
        TestUser user = users.signUp();
        browser.signIn(user.email(), TestUsers.PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/projects", "projects-phone");
        create("On the go", "portrait", "720p");
        Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("the editor scrolls sideways only inside its timeline").isEqualTo(false);
    }

    private void create(String name, String shape, String size) {
        browser.type(By.id("new-name"), name);
        browser.find(By.cssSelector("input[name=shape][value=" + shape + "]")).click();
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("new-size"))).selectByValue(size);
        browser.find(By.id("create-project")).click();
        browser.until(d -> d.getCurrentUrl().matches(".*/projects/[0-9a-f-]{36}$"));
        EditorPage.on(browser);
        browser.loaded("editor-" + shape);
    }

    private List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#project-list .pj-item"));
    }
}
