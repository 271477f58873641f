package dev.atelier.platform.fonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundledFontsTest {

    @Test
    void everyIdHasAFileOnDiskForFfmpegAndTheSamePathEachTime() throws Exception {
        assertThat(BundledFonts.IDS).containsExactly("sans", "sans-bold", "serif", "mono");
        for (String id : BundledFonts.IDS) {
            Path file = BundledFonts.file(id);
            assertThat(file).isRegularFile().isAbsolute();
            assertThat(Files.size(file)).isGreaterThan(100_000);
            assertThat(BundledFonts.file(id)).isEqualTo(file);
        }
    }

    @Test
    void theJdkIsPointedAtTheBundledFontsForItsLogicalFonts() throws Exception {
        BundledFonts.install();
        Path config = Path.of(System.getProperty("sun.awt.fontconfig"));
        assertThat(config).isRegularFile();
        assertThat(Files.readString(config)).contains("filename.DejaVu_Sans=").contains("dialog.plain.latin-1=DejaVu Sans");
    }

    @Test
    void java2dDrawsTextWithThem() {
        Font font = BundledFonts.awtFont("sans-bold", 40f);
        assertThat(font.getFamily()).isEqualTo("DejaVu Sans");
        assertThat(font.getSize2D()).isEqualTo(40f);
        assertThat(BundledFonts.awtFont("mono", 10f).getFamily()).isEqualTo("DejaVu Sans Mono");

        BufferedImage image = new BufferedImage(300, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(font);
        g.drawString("Atelier ✓", 10, 60);
        g.setFont(new Font(Font.DIALOG, Font.PLAIN, 12)); // a logical font works too, from the same files
        g.drawString("dialog", 10, 75);
        g.dispose();
        long lit = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                lit += (image.getRGB(x, y) & 0xffffff) != 0 ? 1 : 0;
            }
        }
        assertThat(lit).isGreaterThan(500);
    }

    @Test
    void anUnknownIdIsRefused() {
        assertThatThrownBy(() -> BundledFonts.awtFont("comic", 12f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundledFonts.file("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
