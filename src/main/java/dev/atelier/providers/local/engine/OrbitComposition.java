package dev.atelier.providers.local.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RadialGradientPaint;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/** A glowing centre, rings and broken arcs around it, planets riding them, and a field of stars. */
final class OrbitComposition implements Composition {

    @Override
    public void paint(Canvas c) {
        Palette p = c.palette();
        double cx = c.width() * c.between(0.3, 0.7);
        double cy = c.height() * c.between(0.3, 0.7);
        float reach = (float) Math.hypot(c.width(), c.height());
        c.g().setPaint(new RadialGradientPaint((float) cx, (float) cy, reach, new float[] {0f, 0.6f},
                new Color[] {p.along(0.35), p.deep()}));
        c.g().fill(new Rectangle2D.Double(0, 0, c.width(), c.height()));
        stars(c);
        int rings = 5 + c.random().nextInt(5);
        double spacing = c.unit() * c.between(0.05, 0.08);
        for (int i = 1; i <= rings; i++) {
            ring(c, cx, cy, c.unit() * 0.06 + i * spacing);
        }
        body(c, cx, cy, c.unit() * c.between(0.05, 0.1), p.light());
    }

    private static void stars(Canvas c) {
        int count = (int) (c.width() * (double) c.height() / 6000);
        for (int i = 0; i < count; i++) {
            double r = c.unit() * c.between(0.0008, 0.003);
            c.g().setColor(Palette.withAlpha(c.palette().light(), c.between(0.15, 0.8)));
            c.g().fill(new Ellipse2D.Double(c.between(0, c.width()), c.between(0, c.height()), r * 2, r * 2));
        }
    }

    private static void ring(Canvas c, double cx, double cy, double radius) {
        Color colour = c.palette().accent(c.random());
        c.g().setStroke(new BasicStroke((float) (c.unit() * c.between(0.002, 0.01)), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        c.g().setColor(Palette.withAlpha(colour, c.between(0.35, 0.9)));
        double start = c.between(0, 360);
        double extent = c.random().nextInt(3) == 0 ? 360 : c.between(60, 300);
        c.g().draw(new Arc2D.Double(cx - radius, cy - radius, radius * 2, radius * 2, start, extent, Arc2D.OPEN));
        if (c.random().nextInt(3) > 0) {
            double angle = Math.toRadians(start + extent * c.between(0.2, 1));
            body(c, cx + radius * Math.cos(angle), cy - radius * Math.sin(angle), c.unit() * c.between(0.01, 0.04), colour);
        }
    }

    /** A sphere lit from the upper left, with a faint halo. */
    private static void body(Canvas c, double x, double y, double radius, Color colour) {
        float halo = (float) (radius * 2.2);
        c.g().setPaint(new RadialGradientPaint((float) x, (float) y, halo, new float[] {0.4f, 1f},
                new Color[] {Palette.withAlpha(colour, 0.35), Palette.withAlpha(colour, 0)}));
        c.g().fill(new Ellipse2D.Double(x - halo, y - halo, halo * 2, halo * 2));
        c.g().setPaint(new RadialGradientPaint((float) (x - radius * 0.35), (float) (y - radius * 0.35),
                (float) (radius * 1.4), new float[] {0f, 0.55f, 1f},
                new Color[] {Palette.blend(colour, Color.WHITE, 0.6), colour, Palette.blend(colour, c.palette().deep(), 0.7)}));
        c.g().fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    }
}
