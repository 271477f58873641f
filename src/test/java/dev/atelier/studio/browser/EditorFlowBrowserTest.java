package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.media.TestMedia;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.platform.ffmpeg.MediaInfo;
import dev.atelier.test.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole way through the studio in a browser: sign up, a generated image and uploaded media in
 * the library, a project with three clips, a transition, a text and music, the preview playing,
 * frames while scrubbing, an export to 100 % and its download checked with ffprobe.
 */
class EditorFlowBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a long passphrase for tests";
    private static final Duration RENDER_WAIT = Duration.ofMinutes(4);

    @Test
    void fromSignUpToADownloadedMp4OfTheTimelinesLength() throws Exception {
        String email = browser.signUp();
        String token = token(email);
        UUID sketch = StudioSteps.generateSketch(browser, api, token);
        UUID[] uploaded = StudioSteps.upload(browser, TestMedia.mp4(), TestMedia.m4a());
        UUID video = uploaded[0];
        UUID music = uploaded[1];

        // a 16:9 project from the list page
        browser.open("/projects", "projects");
        browser.type(By.id("new-name"), "Holiday cut");
        browser.find(By.id("create-project")).click();
        browser.until(d -> d.getCurrentUrl().matches(".*/projects/[0-9a-f-]{36}$"));
        EditorPage editor = EditorPage.on(browser);
        browser.loaded("editor-new");
        UUID project = UUID.fromString(browser.driver().getCurrentUrl().replaceAll(".*/projects/", ""));

        // three clips, a crossfade between the first two, a text and music
        editor.add(video, "video").add(sketch, "video").add(video, "video");
        List<String> clips = editor.clips("video").stream().map(c -> c.getAttribute("data-clip-id")).toList();
        editor.transitionAfter(clips.get(0), "crossfade", "0.5");
        editor.addText("Atelier");
        editor.add(music, "music");
        editor.save();
        browser.shot("timeline");
        browser.axe("timeline");

        Api.Response saved = api.get("/api/v1/projects/" + project).bearer(token).send();
        long lengthMs = saved.json().get("lengthMs").asLong();
        long first = saved.json().get("timeline").get("video").get("clips").get(0).get("durationMs").asLong();
        assertThat(lengthMs).isEqualTo(first + 3000 + first - 500);

        // the preview plays: the video element's time moves on
        browser.find(By.id("preview-start")).click();
        new WebDriverWait(browser.driver(), RENDER_WAIT).until(d -> currentTime() > 1.0);
        browser.shot("preview-playing");

        // scrubbing the ruler shows the frame there
        WebElement ruler = browser.find(By.id("timeline-ruler"));
        new Actions(browser.driver()).moveToElement(ruler, -ruler.getSize().getWidth() / 2 + 100, 0).click().perform();
        browser.until(d -> d.findElement(By.id("preview-frame")).isDisplayed()
                && d.findElement(By.id("preview-frame")).getAttribute("data-at-ms") != null);
        browser.shot("scrubbed-frame");

        // the export reaches 100 % and offers the download
        new Select(browser.find(By.id("export-resolution"))).selectByValue("480p");
        browser.script(EXPORT_WATCH);
        browser.find(By.id("export-start")).click();
        new WebDriverWait(browser.driver(), RENDER_WAIT).until(d ->
                "succeeded".equals(d.findElement(By.id("export-panel")).getAttribute("data-status")));
        assertThat(browser.find(By.id("export-bar")).getDomProperty("value")).isEqualTo("100");
        assertThat(browser.find(By.id("export-left")).isDisplayed()).isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen = (List<Map<String, Object>>) browser.script("return window.exportSeen");
        // progress came from the event stream (its end too), and the stream never dropped: no polling
        assertThat(seen).extracting(s -> s.get("source")).contains("stream-end").doesNotContain("poll");
        // whenever it showed itself running part-way, the time left was shown (the server estimates
        // from the first percent on); a very fast export may show no such moment
        assertThat(seen).as("export states shown: %s", seen).filteredOn(s -> "running".equals(s.get("status"))
                        && ((Number) s.get("progress")).doubleValue() > 0 && ((Number) s.get("progress")).doubleValue() < 100)
                .allSatisfy(s -> assertThat((String) s.get("left")).matches("About (\\d+ min )?\\d+ s left"));
        WebElement download = browser.waitFor(By.id("export-download"));
        browser.shot("exported");
        browser.axe("exported");

        Path file = Files.createTempFile("atelier-export-", ".mp4");
        try {
            URI link = URI.create(browser.baseUrl()).resolve(download.getAttribute("href"));
            HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofFile(file));
            assertThat(response.statusCode()).isEqualTo(200);
            Ffmpeg ffmpeg = Ffmpeg.bundled();
            MediaInfo info = new Ffprobe(ffmpeg).probe(file);
            assertThat(info.formatName()).contains("mp4");
            assertThat(info.hasVideo()).isTrue();
            assertThat(info.hasAudio()).isTrue();
            assertThat(info.height()).isEqualTo(480);
            assertThat((double) info.durationMs()).isCloseTo(lengthMs, within(100.0));
            // playable: every frame decodes (ffmpeg fails on a broken stream with -xerror)
            ffmpeg.run(List.of("-v", "error", "-xerror", "-i", file.toString(), "-f", "null", "-"),
                    Duration.ofMinutes(1));
        } finally {
            Files.deleteIfExists(file);
        }

        // coming back later, the finished export is still offered
        browser.driver().navigate().refresh();
        EditorPage.on(browser);
        assertThat(browser.waitFor(By.id("export-download")).getAttribute("href")).isNotBlank();
        browser.loaded("editor-again");
    }

    /** Records every state the export panel shows (status, progress, time left, where the state came from). */
    private static final String EXPORT_WATCH = """
            const panel = document.getElementById('export-panel');
            window.exportSeen = [];
            new MutationObserver(() => {
              const left = document.getElementById('export-left');
              const last = window.exportSeen.at(-1);
              const now = {status: panel.dataset.status ?? null, source: panel.dataset.source ?? null,
                progress: document.getElementById('export-bar').value,
                eta: panel.dataset.eta ?? null, left: left.hidden ? null : left.textContent};
              if (JSON.stringify(last) !== JSON.stringify(now)) window.exportSeen.push(now);
            }).observe(panel, {subtree: true, childList: true, attributes: true, characterData: true});
            """;

    private double currentTime() {
        Object time = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.getElementById('preview-video').currentTime");
        return ((Number) time).doubleValue();
    }

    private String token(String email) {
        Api.Response login = api.post("/api/v1/auth/login").json(Map.of("email", email, "password", PASSWORD)).send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().get("accessToken").asString();
    }
}
