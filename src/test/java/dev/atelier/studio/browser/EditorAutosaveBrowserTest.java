package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The editor saves by itself a moment after a change; when another session saved first, the
 * autosave is refused like a click on Save would be, and the conflict waits for the person.
 */
@TestPropertySource(properties = "atelier.studio.autosave-delay=300ms")
class EditorAutosaveBrowserTest extends BrowserTest {

    @Test
    void aChangeIsSavedWithoutTheSaveButtonAndAConflictWaitsForThePerson() {
        TestUser user = users.signUp();
        UUID project = project(user);
        browser.signIn(user.email(), TestUsers.PASSWORD);
        EditorPage editor = EditorPage.open(browser, project);

        editor.addText("Saved by itself");
        browser.until(d -> d.findElement(By.id("save-state")).getText().equals("Saved (version 2)"));
        JsonNode saved = api.get("/api/v1/projects/" + project).bearer(user.accessToken()).send().json();
        assertThat(saved.get("version").asLong()).isEqualTo(2);
        assertThat(saved.toString()).contains("Saved by itself");

        // another session saves version 3; this page's next change is refused and the conflict shown
        Api.Response elsewhere = api.put("/api/v1/projects/" + project + "/timeline").bearer(user.accessToken())
                .header("If-Match", "\"2\"").json(saved.get("timeline")).send();
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
        browser.expectConsoleError("status of 412");
        editor.addText("Mine only");
        browser.waitFor(By.id("conflict"));
        assertThat(editor.saveState()).isEqualTo("Unsaved changes");
        assertThat(api.get("/api/v1/projects/" + project).bearer(user.accessToken()).send().json()
                .get("version").asLong()).isEqualTo(3);
        browser.shot("autosave-conflict");
    }

    private UUID project(TestUser user) {
        Api.Response created = api.post("/api/v1/projects").bearer(user.accessToken())
                .json(Map.of("name", "Autosaved cut", "output", Map.of("preset", "landscape-720p"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
