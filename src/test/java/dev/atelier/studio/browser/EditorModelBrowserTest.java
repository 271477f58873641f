package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The editor's timeline model (static/studio/editor/model.js) in the real browser: what its edits
 * build the server accepts, what it refuses it refuses with a reason; and the timeline's pointer
 * drags, keyboard, undo/redo and zoom on the page.
 */
class EditorModelBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void documentsBuiltByTheModelsEditsAreAcceptedByTheServerAndItsRefusalsSayWhy() throws Exception {
        TestUser user = users.signUp();
        UUID video = upload(user, TestMedia.mp4());
        UUID image = upload(user, TestMedia.png());
        UUID sound = upload(user, TestMedia.m4a());
        UUID project = project(user);
        browser.signIn(user.email(), TestUsers.PASSWORD);
        EditorPage.open(browser, project);

        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const [video, image, sound] = [arguments[0], arguments[1], arguments[2]];
                (async () => {
                  const m = await import('/studio/editor/model.js');
                  const { library } = await import('/studio/editor/remote.js');
                  const assets = new Map((await library.list()).data.map((a) => [a.id, a]));
                  let t = m.emptyTimeline();
                  const refusals = {};
                  const step = (name, r) => { if (!r.ok) throw new Error(name + ': ' + r.message); t = r.timeline; };
                  const refused = (name, r) => { refusals[name] = r.ok ? null : r.message; };
                  step('video 1', m.addAsset(t, assets.get(video), 'video', null, assets));
                  step('image', m.addAsset(t, assets.get(image), 'video', null, assets));
                  step('video 2', m.addAsset(t, assets.get(video), 'video', null, assets));
                  refused('transitionTooLong', m.setTransition(t, 'c1', 'crossfade', 1500, assets));
                  step('transition', m.setTransition(t, 'c1', 'wipeleft', 600, assets));
                  step('transition 2', m.setTransition(t, 'c2', 'fadeblack', 400, assets));
                  step('trim end', m.trim(t, 'c1', 'end', -200, assets));
                  step('trim start', m.trim(t, 'c3', 'start', 300, assets));
                  refused('pastSourceEnd', m.trim(t, 'c3', 'end', 500, assets));
                  refused('beforeSourceStart', m.trim(t, 'c1', 'start', -100, assets));
                  step('split', m.split(t, 'c2', t.video.clips[1].startMs + 1500, assets));
                  refused('splitOutside', m.split(t, 'c1', 99999, assets));
                  refused('overlap', m.addAsset(t, assets.get(video), 'video', 100, assets));
                  step('move', m.move(t, 'c4', 250, assets));
                  step('text', m.addText(t, 'Hello', 500, assets));
                  step('text style', m.update(t, 't1', { font: 'serif', sizePx: 48, color: '#ffcc00',
                      box: { color: '#000000', opacity: 0.6, paddingPx: 10 }, fadeInMs: 200, fadeOutMs: 300 }, assets));
                  refused('unknownFont', m.update(t, 't1', { font: 'comic' }, assets));
                  refused('fadesTooLong', m.update(t, 't1', { fadeInMs: 2000, fadeOutMs: 2000 }, assets));
                  step('music', m.addAsset(t, assets.get(sound), 'music', 0, assets));
                  step('music style', m.update(t, 'm1', { volume: 0.7, fadeOutMs: 500 }, assets));
                  step('voice', m.addAsset(t, assets.get(video), 'voiceover', 1000, assets));
                  refused('imageOnAudio', m.addAsset(t, assets.get(image), 'music', null, assets));
                  refused('audioOverlap', m.addAsset(t, assets.get(sound), 'music', 500, assets));
                  step('ducking', m.setDucking(t, true, 10));
                  return { timeline: t, refusals, problems: m.check(t, assets) };
                })().then(done, (e) => done({ error: String(e) }));""", video.toString(), image.toString(),
                sound.toString());

        JsonNode result = JSON.valueToTree(answer);
        assertThat(result.has("error")).as(result.toString()).isFalse();
        assertThat(result.get("problems")).isEmpty();
        JsonNode refusals = result.get("refusals");
        for (String edit : List.of("transitionTooLong", "pastSourceEnd", "beforeSourceStart", "splitOutside", "overlap",
                "unknownFont", "fadesTooLong", "imageOnAudio", "audioOverlap")) {
            assertThat(refusals.get(edit).isString()).as("%s is refused with a reason", edit).isTrue();
        }
        assertThat(refusals.get("transitionTooLong").asString()).contains("half the shorter clip");

        Api.Response saved = api.put("/api/v1/projects/" + project + "/timeline").bearer(user.accessToken())
                .header("If-Match", "\"1\"").raw("application/json", JSON.writeValueAsString(result.get("timeline")))
                .send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("timeline").get("video").get("clips")).hasSize(4);
        assertThat(saved.json().get("timeline").get("video").get("transitions")).hasSize(2);
    }

    @Test
    void clipsMoveWithRealPointerDragsAndWithTheKeyboardAndEditsUndo() {
        TestUser user = users.signUp();
        UUID video = upload(user, TestMedia.mp4());
        UUID project = project(user);
        browser.signIn(user.email(), TestUsers.PASSWORD);
        EditorPage editor = EditorPage.open(browser, project);
        editor.add(video, "video").add(video, "video");
        // HTML5 drag and drop from the library, dispatched in the page (Selenium cannot drive it in
        // Chromium): the item's dragstart fills the DataTransfer, the lane's drop places the clip at
        // the pointer, 80 px = 2 s at the starting zoom
        browser.script("""
                const item = document.querySelector(`.lib-item[data-asset-id='${arguments[0]}']`);
                const lane = document.getElementById('lane-voiceover');
                const data = new DataTransfer();
                const x = lane.getBoundingClientRect().left + 80;
                item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
                lane.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data, clientX: x }));
                lane.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data, clientX: x }));""",
                video.toString());
        browser.until(d -> editor.clips("voiceover").size() == 1);
        assertThat(editor.value("insp-start")).isEqualTo("2");

        String second = editor.clips("video").get(1).getAttribute("data-clip-id");
        editor.select(second);
        assertThat(editor.value("insp-start")).isEqualTo("2");

        // a real pointer drag: 40 px at the starting zoom (40 px a second) is one second later
        WebElement clip = editor.clip(second);
        new Actions(browser.driver()).clickAndHold(clip).moveByOffset(20, 0).moveByOffset(20, 0).release().perform();
        browser.until(d -> "3".equals(editor.value("insp-start")));

        // the keyboard: Shift+← one second earlier, Alt+← trims the end by a nudge (10 px = 250 ms)
        editor.clip(second).sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        browser.until(d -> "2".equals(editor.value("insp-start")));
        editor.clip(second).sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_LEFT));
        browser.until(d -> "1.75".equals(editor.value("insp-duration")));
        browser.shot("keyboard-edits");

        editor.clip(second).sendKeys(Keys.chord(Keys.CONTROL, "z"));
        browser.until(d -> "2".equals(editor.value("insp-duration")));
        editor.clip(second).sendKeys(Keys.chord(Keys.CONTROL, "y"));
        browser.until(d -> "1.75".equals(editor.value("insp-duration")));

        int width = editor.clip(second).getSize().getWidth();
        browser.find(By.id("zoom-in")).click();
        browser.until(d -> Math.abs(editor.clip(second).getSize().getWidth() - 2 * width) <= 2);

        // a refused drag (onto the first clip) snaps back and says why
        new Actions(browser.driver()).clickAndHold(editor.clip(second)).moveByOffset(-60, 0).release().perform();
        browser.until(d -> editor.message().contains("overlap"));
        assertThat(editor.value("insp-start")).isEqualTo("2");

        // dragged back to within 8 px of the first clip's end, it snaps to meet it exactly
        new Actions(browser.driver()).clickAndHold(editor.clip(second)).moveByOffset(48, 0).release().perform();
        browser.until(d -> "2.6".equals(editor.value("insp-start")));
        new Actions(browser.driver()).clickAndHold(editor.clip(second)).moveByOffset(-45, 0).release().perform();
        browser.until(d -> "2".equals(editor.value("insp-start")));
        editor.save();
        browser.shot("saved");
    }

    @Test
    void clipsShowTheirThumbnailOrWaveformWithoutChangingSizeAndAudioIsDecodedOnce() {
        TestUser user = users.signUp();
        UUID video = upload(user, TestMedia.mp4());
        UUID image = upload(user, TestMedia.png());
        UUID sound = upload(user, TestMedia.mp3());
        UUID project = project(user);
        browser.signIn(user.email(), TestUsers.PASSWORD);
        EditorPage editor = EditorPage.open(browser, project);

        editor.add(video, "video").add(image, "video").add(sound, "music").addText("Hello");

        // a thumbnail behind both video-track clips, loaded
        browser.until(d -> Long.valueOf(2).equals(browser.script("""
                return [...document.querySelectorAll('#lane-video .tl-clip img.tl-clip-thumb')]
                    .filter((i) => i.complete && i.naturalWidth > 0).length""")));
        // the music clip's waveform, drawn with something in it
        WebElement wave = browser.waitFor(By.cssSelector("#lane-music .tl-clip canvas.tl-clip-wave[data-drawn=true]"));
        assertThat((Boolean) browser.script("""
                const c = arguments[0];
                const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
                return false""", wave)).as("the waveform has bars").isTrue();
        // no layout shift: every clip is exactly as tall as a text clip, and the media fill their clip
        assertThat(browser.script("""
                const h = (n) => Math.round(n.getBoundingClientRect().height);
                const text = h(document.querySelector('#lane-text .tl-clip'));
                return [...document.querySelectorAll('.tl-clip')].map(h).filter((x) => x !== text)
                    .concat([...document.querySelectorAll('.tl-clip-thumb, .tl-clip-wave')]
                        .filter((m) => h(m) !== h(m.parentElement)).map(() => -1))""")).asList().isEmpty();
        browser.script("document.getElementById('lane-music').scrollIntoView({block: 'center'})");
        browser.shot("clip-media");
        browser.axe("clip-media");

        // redraws (zoom) draw from the kept decode: the audio is fetched once
        browser.find(By.id("zoom-in")).click();
        browser.waitFor(By.cssSelector("#lane-music .tl-clip canvas.tl-clip-wave[data-drawn=true]"));
        assertThat(browser.script("""
                return performance.getEntriesByType('resource')
                    .filter((e) => e.name.includes(arguments[0]) && e.initiatorType === 'fetch').length""",
                sound.toString())).isEqualTo(1L);
    }

    private UUID upload(TestUser user, Path file) {
        Api.Response response = Uploads.upload(api, user.accessToken(), file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private UUID project(TestUser user) {
        Api.Response created = api.post("/api/v1/projects").bearer(user.accessToken())
                .json(Map.of("name", "Model test", "output", Map.of("preset", "landscape-720p"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
