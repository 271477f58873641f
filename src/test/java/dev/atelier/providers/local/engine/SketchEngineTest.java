package dev.atelier.providers.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SketchEngineTest {

    final SketchEngine engine = new SketchEngine();
    @TempDir Path dir;

    @Test
    void paintsAPngOfTheRequestedSize() throws Exception {
        Path out = dir.resolve("harbour.png");

        SketchResult result = engine.render(new SketchRequest("a harbour at dawn", 1, 320, 256), out);

        BufferedImage picture = ImageIO.read(out.toFile());
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(256);
        assertThat(result).isEqualTo(new SketchResult("image/png", 320, 256));
    }

    @Test
    void sameSeedAndPromptGiveTheSamePicture() throws Exception {
        Path first = render("orbits around a golden sun", 42, "first.png");
        Path second = render("orbits around a golden sun", 42, "second.png");

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void anotherSeedGivesAnotherPicture() throws Exception {
        Path first = render("orbits around a golden sun", 42, "first.png");
        Path second = render("orbits around a golden sun", 43, "second.png");

        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
    }

    @Test
    void colourWordsSetThePalette() throws Exception {
        double[] red = meanRgb(render("a red landscape", 5, "red.png"));
        double[] blue = meanRgb(render("a blue landscape", 5, "blue.png"));

        assertThat(red[0]).as("red picture: red over blue").isGreaterThan(red[2] + 20);
        assertThat(blue[2]).as("blue picture: blue over red").isGreaterThan(blue[0] + 20);
    }

    @Test
    void paintsTheWidestPanorama() throws Exception {
        Path out = dir.resolve("panorama.png");

        engine.render(new SketchRequest("a geometric city", 9, 2048, 256), out);

        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(2048);
    }

    @Test
    void sizesOutsideTheRangeAreRejected() {
        assertThatThrownBy(() -> new SketchRequest("tiny", 1, 255, 512))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be between 256 and 2048 pixels, was 255");
        assertThatThrownBy(() -> new SketchRequest("huge", 1, 512, 2049))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("height must be between 256 and 2048 pixels, was 2049");
    }

    @Test
    void aBlankOrOverlongPromptIsRejected() {
        assertThatThrownBy(() -> new SketchRequest("  ", 1, 512, 512))
                .hasMessage("prompt must not be blank");
        assertThatThrownBy(() -> new SketchRequest("x".repeat(2001), 1, 512, 512))
                .hasMessage("prompt must be at most 2000 characters, was 2001");
    }

    private Path render(String prompt, long seed, String name) throws Exception {
        Path out = dir.resolve(name);
        engine.render(new SketchRequest(prompt, seed, 256, 256), out);
        return out;
    }

    private static double[] meanRgb(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xFF;
                sum[1] += (rgb >> 8) & 0xFF;
                sum[2] += rgb & 0xFF;
            }
        }
        int pixels = image.getWidth() * image.getHeight();
        return new double[] {sum[0] / pixels, sum[1] / pixels, sum[2] / pixels};
    }
}
