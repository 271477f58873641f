package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import dev.atelier.media.Uploads;
import dev.atelier.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class LibraryBrowserTest extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void severalFilesUploadWithTheirProgressAndTheRefusedOnesSayWhy() throws IOException {
        Path picture = png("harbour.png", 640, 360);
        Path sound = wav("waves.wav", 2);
        Path huge = files.resolve("huge-photo.png");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(11L * 1024 * 1024); // over the 10 MB image limit: refused before a byte is sent
        }
        Path fake = files.resolve("notes.png");
        Files.writeString(fake, "these are words, not a picture"); // the server looks inside: 415
        browser.expectConsoleError("/api/v1/uploads .*415");
        browser.signUp();
        browser.open("/library", "library-empty");

        browser.find(By.cssSelector("[data-files]")).sendKeys(
                String.join("\n", picture.toString(), sound.toString(), huge.toString(), fake.toString()));

        browser.until(d -> d.findElements(By.cssSelector(".upload[data-done=true]")).size() == 2);
        browser.until(d -> d.findElements(By.cssSelector(".upload .error")).size() == 2);
        assertThat(browser.find(By.cssSelector(".uploads")).getText())
                .contains("huge-photo.png is 11 MB: images may be at most 10 MB")
                .contains("notes.png: the library keeps images");
        assertThat(browser.driver().findElements(By.cssSelector(".tile"))).hasSize(2);
        browser.until(d -> d.findElement(By.cssSelector("[data-quota-label]")).getText().matches("Storage: [0-9.]+ KB of 5 GB used"));
        browser.loaded("library-uploaded");

        new Select(browser.find(By.id("kind"))).selectByValue("audio");
        browser.until(d -> d.findElements(By.cssSelector(".tile")).size() == 1
                && "audio".equals(d.findElement(By.cssSelector(".tile")).getDomAttribute("data-kind")));
        new Select(browser.find(By.id("kind"))).selectByValue("");
        browser.type(By.id("q"), "HARB");
        browser.until(d -> d.findElements(By.cssSelector(".tile")).size() == 1
                && d.findElement(By.cssSelector(".tile .name")).getText().equals("harbour.png"));
        browser.shot("library-searched");

        WebElement tile = browser.find(By.cssSelector(".tile"));
        assertThat(tile.findElement(By.linkText("Download")).getDomAttribute("download")).isEqualTo("harbour.png");
        tile.findElement(By.cssSelector("button")).click();
        browser.waitFor(By.cssSelector("dialog[open]"));
        browser.shot("library-confirm-delete");
        browser.find(By.cssSelector("dialog [value=yes]")).click();
        browser.until(d -> d.findElements(By.cssSelector(".tile")).isEmpty());
        browser.type(By.id("q"), "");
        browser.until(d -> d.findElements(By.cssSelector(".tile")).size() == 1);
        browser.loaded("library-after-delete");
    }

    @Test
    void theGridLoadsTheNextCursorPageWhenItsEndScrollsIntoView() throws IOException {
        TestUsers.TestUser user = users.signUp();
        byte[] picture = Files.readAllBytes(png("tiny.png", 8, 8));
        for (int i = 0; i < 35; i++) { // more than one page of 30
            assertThat(Uploads.upload(api, user.accessToken(), "tiny-" + i + ".png", picture).status()).isEqualTo(201);
        }
        browser.signIn(user.email(), TestUsers.PASSWORD);
        browser.open("/library", "library-first-page");
        assertThat(browser.driver().findElements(By.cssSelector(".tile"))).hasSize(30);

        browser.script("document.querySelector('[data-sentinel]').scrollIntoView()");

        browser.until(d -> d.findElements(By.cssSelector(".tile")).size() == 35);
        assertThat(browser.find(By.cssSelector("[data-more]")).isDisplayed()).isFalse();
        browser.shot("library-all-pages");
    }

    private Path png(String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        Path path = files.resolve(name);
        ImageIO.write(image, "png", path.toFile());
        return path;
    }

    private Path wav(String name, int seconds) throws IOException {
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        byte[] samples = new byte[16_000 * 2 * seconds];
        for (int i = 0; i < samples.length / 2; i++) {
            short value = (short) (Math.sin(i * 2 * Math.PI * 440 / 16_000) * 8000);
            samples[2 * i] = (byte) value;
            samples[2 * i + 1] = (byte) (value >> 8);
        }
        Path path = files.resolve(name);
        AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(samples), format, samples.length / 2),
                AudioFileFormat.Type.WAVE, path.toFile());
        return path;
    }
}
