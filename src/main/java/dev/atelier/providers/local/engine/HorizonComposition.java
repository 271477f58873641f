package dev.atelier.providers.local.engine;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A sky, a low sun and ridges that darken as they come nearer: a landscape in layers. */
final class HorizonComposition implements Composition {

    @Override
    public void paint(Canvas c) {
        double horizon = c.height() * c.between(0.45, 0.6);
        Palette p = c.palette();
        c.g().setPaint(new GradientPaint(0, 0, p.along(0.2), 0, (float) horizon, p.along(0.9)));
        c.g().fill(new Rectangle2D.Double(0, 0, c.width(), c.height()));
        sun(c, horizon);
        int ridges = 4 + c.random().nextInt(3);
        for (int i = 0; i < ridges; i++) {
            double nearness = (i + 1.0) / ridges;
            ridge(c, horizon + (c.height() - horizon) * (0.7 * Math.pow(nearness, 1.6) - 0.12), nearness);
        }
    }

    private static void sun(Canvas c, double horizon) {
        double radius = c.unit() * c.between(0.08, 0.16);
        double x = c.width() * c.between(0.2, 0.8);
        double y = horizon - c.height() * c.between(0.1, 0.3);
        Color core = c.palette().light();
        float glow = (float) (radius * 3.5);
        c.g().setPaint(new RadialGradientPaint((float) x, (float) y, glow, new float[] {0f, 0.3f, 1f},
                new Color[] {Palette.withAlpha(core, 0.55), Palette.withAlpha(core, 0.18), Palette.withAlpha(core, 0)}));
        c.g().fill(new Ellipse2D.Double(x - glow, y - glow, glow * 2, glow * 2));
        c.g().setColor(Palette.blend(core, Color.WHITE, 0.35));
        c.g().fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    }

    /** One ridge: a sum of a few slow waves, hazy and light far away, deep and sharp up close. */
    private static void ridge(Canvas c, double baseline, double nearness) {
        double amplitude = c.unit() * c.between(0.03, 0.09) * (1.3 - nearness * 0.5);
        double[] frequency = {c.between(0.5, 1.5), c.between(1.5, 3.5), c.between(4, 9)};
        double[] phase = {c.between(0, 7), c.between(0, 7), c.between(0, 7)};
        double[] weight = {1, 0.45, 0.12};
        Path2D.Double outline = new Path2D.Double();
        outline.moveTo(0, c.height());
        int steps = 240;
        for (int s = 0; s <= steps; s++) {
            double x = c.width() * s / (double) steps;
            double wave = 0;
            for (int k = 0; k < 3; k++) {
                wave += weight[k] * Math.sin(2 * Math.PI * frequency[k] * s / steps + phase[k]);
            }
            outline.lineTo(x, baseline - amplitude * wave);
        }
        outline.lineTo(c.width(), c.height());
        outline.closePath();
        Color far = Palette.blend(c.palette().along(0.75), c.palette().accent(c.random()), 0.25);
        Color tone = Palette.blend(far, c.palette().deep(), Math.pow(nearness, 1.4));
        c.g().setPaint(new GradientPaint(0, (float) (baseline - amplitude), tone,
                0, c.height(), Palette.blend(tone, c.palette().deep(), 0.5)));
        c.g().fill(outline);
    }
}
