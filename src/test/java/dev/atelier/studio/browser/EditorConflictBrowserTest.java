package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Two browser sessions on one project: the one that saves second is refused and told, not overwritten. */
class EditorConflictBrowserTest extends BrowserTest {

    @Test
    void aSaveAfterAnotherSessionSavedIsRefusedAndThePersonCanReloadTheirVersion() {
        TestUser user = users.signUp();
        UUID video = upload(user);
        UUID project = project(user, "Shared cut");

        browser.signIn(user.email(), TestUsers.PASSWORD);
        EditorPage mine = EditorPage.open(browser, project);

        try (Browser second = Browser.start(api.baseUrl(), "EditorConflictBrowserTest.second-session")) {
            second.signIn(user.email(), TestUsers.PASSWORD);
            EditorPage theirs = EditorPage.open(second, project);
            theirs.add(video, "video").save();
            assertThat(theirs.saveState()).isEqualTo("Saved (version 2)");
            second.shot("saved-elsewhere");
            second.assertNoConsoleErrors();
        }

        mine.addText("Only mine");
        browser.expectConsoleError("status of 412");
        browser.find(By.id("save")).click();
        browser.waitFor(By.id("conflict"));
        assertThat(browser.find(By.id("conflict")).getText()).contains("changed elsewhere");
        assertThat(mine.message()).contains("Not saved");
        assertThat(mine.saveState()).isEqualTo("Unsaved changes");
        browser.shot("conflict");
        browser.axe("conflict");

        browser.find(By.id("conflict-reload")).click();
        browser.until(d -> !d.findElement(By.id("conflict")).isDisplayed());
        assertThat(mine.clips("video")).hasSize(1);
        assertThat(mine.clips("text")).isEmpty();
        assertThat(mine.saveState()).isEqualTo("Saved (version 2)");
        browser.shot("reloaded");
    }

    private UUID upload(TestUser user) {
        Api.Response response = Uploads.upload(api, user.accessToken(), TestMedia.mp4());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private UUID project(TestUser user, String name) {
        Api.Response created = api.post("/api/v1/projects").bearer(user.accessToken())
                .json(Map.of("name", name, "output", Map.of("preset", "landscape-720p"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
