package dev.atelier.providers.local.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import dev.atelier.platform.fonts.BundledFonts;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Paints generative artwork from a prompt with Java2D. The prompt's colour words choose the
 * palette, its subject words the composition, and a hash of prompt and seed every other choice:
 * the same request always gives the same bytes. Draws no text, so no font is involved.
 */
public final class SketchEngine {

    public static final String MEDIA_TYPE = "image/png";

    public SketchResult render(SketchRequest request, Path output) throws IOException {
        BufferedImage picture = picture(request.prompt(), request.seed(), request.width(), request.height());
        try {
            if (!ImageIO.write(picture, "png", output.toFile())) {
                throw new IOException("this JDK has no PNG writer");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        }
        return new SketchResult(MEDIA_TYPE, request.width(), request.height());
    }

    /** The picture itself, at any size: the motion engine paints it larger than its frame. */
    BufferedImage picture(String prompt, long seed, int width, int height) {
        PromptWords words = PromptWords.of(prompt, seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            steadyQuality(g);
            // never the JDK's logical Dialog font, which would need the machine's fonts
            g.setFont(BundledFonts.awtFont("sans", Math.max(12f, Math.min(width, height) / 24f)));
            Canvas canvas = new Canvas(g, width, height, Palette.from(words), words.random("layout"));
            Composition.chooseFor(words, words.random("composition")).paint(canvas);
            vignette(canvas);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Always the same hints: anti-aliased edges, and no choice left to the platform's defaults. */
    private static void steadyQuality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Darkened corners pull the eye to the middle, as a lens would. */
    private static void vignette(Canvas c) {
        float radius = (float) (Math.hypot(c.width(), c.height()) / 2);
        c.g().setPaint(new RadialGradientPaint(c.width() / 2f, c.height() / 2f, radius, new float[] {0.55f, 1f},
                new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 80)}));
        c.g().fill(new Rectangle2D.Double(0, 0, c.width(), c.height()));
    }
}
