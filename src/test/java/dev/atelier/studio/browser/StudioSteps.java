package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Steps through the studio's generate and library pages that the editor's flow passes on its way. */
final class StudioSteps {

    private StudioSteps() {
    }

    /**
     * Generates a local/sketch image on the generate page and waits for its card to show the
     * picture, live (the page is not reloaded); answers the image's asset id.
     */
    static UUID generateSketch(Browser browser, Api api, String token) {
        browser.open("/generate", "generate");
        new Select(browser.find(By.id("model"))).selectByValue("local/sketch");
        browser.type(By.id("prompt"), "a lighthouse at dusk");
        browser.until(d -> d.findElement(By.cssSelector("[data-price]")).getText().endsWith("credits"));
        browser.find(By.cssSelector("[data-submit]")).click();
        var image = browser.waitFor(By.cssSelector(".job[data-status=succeeded] .job-result img"));
        browser.until(d -> Boolean.TRUE.equals(browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        browser.loaded("generated-sketch");
        Api.Response images = api.get("/api/v1/assets?kind=image&origin=generation").bearer(token).send();
        assertThat(images.json().get("data")).hasSize(1);
        return UUID.fromString(images.json().get("data").get(0).get("id").asString());
    }

    /** Uploads files on the library page; answers their asset ids in the same order. */
    static UUID[] upload(Browser browser, Path... files) {
        browser.open("/library", "library");
        browser.find(By.cssSelector("[data-files]")).sendKeys(
                Arrays.stream(files).map(Path::toString).collect(Collectors.joining("\n")));
        browser.until(d -> d.findElements(By.cssSelector(".upload[data-done=true]")).size() == files.length);
        browser.loaded("library-uploaded");
        UUID[] ids = new UUID[files.length];
        for (int i = 0; i < files.length; i++) {
            String name = files[i].getFileName().toString();
            String id = browser.until(d -> d.findElements(By.cssSelector(".tile")).stream()
                    .filter(t -> t.findElement(By.cssSelector(".name")).getText().equals(name))
                    .map(t -> t.getDomAttribute("data-asset")).findFirst().orElse(null));
            ids[i] = UUID.fromString(id);
        }
        return ids;
    }
}
