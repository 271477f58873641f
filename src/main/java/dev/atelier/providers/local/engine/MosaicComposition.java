package dev.atelier.providers.local.engine;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A grid of tiles, each with one bold motif: quarter and half circles, rings, triangles, stripes. */
final class MosaicComposition implements Composition {

    @Override
    public void paint(Canvas c) {
        c.g().setColor(Palette.blend(c.palette().light(), c.palette().deep(), 0.08));
        c.g().fill(new Rectangle2D.Double(0, 0, c.width(), c.height()));
        int columns = 3 + c.random().nextInt(5);
        int rows = Math.max(2, (int) Math.round(columns * c.height() / (double) c.width()));
        double gap = c.unit() * 0.006;
        double cellWidth = (c.width() - gap) / columns;
        double cellHeight = (c.height() - gap) / rows;
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                tile(c, new Rectangle2D.Double(gap + column * cellWidth, gap + row * cellHeight,
                        cellWidth - gap, cellHeight - gap));
            }
        }
    }

    private static void tile(Canvas c, Rectangle2D.Double cell) {
        Color ground = c.random().nextInt(4) == 0 ? c.palette().deep() : c.palette().accent(c.random());
        Color figure = c.palette().accent(c.random());
        if (figure.equals(ground)) {
            figure = Palette.blend(ground, c.palette().light(), 0.7);
        }
        c.g().setColor(ground);
        c.g().fill(cell);
        c.g().setClip(cell);
        c.g().setColor(figure);
        switch (c.random().nextInt(6)) {
            case 0 -> c.g().fill(quarterCircle(c, cell));
            case 1 -> c.g().fill(halfCircle(c, cell));
            case 2 -> ring(c, cell, ground);
            case 3 -> c.g().fill(triangle(c, cell));
            case 4 -> stripes(c, cell);
            default -> { /* a plain tile lets the others breathe */ }
        }
        c.g().setClip(null);
    }

    private static Shape quarterCircle(Canvas c, Rectangle2D.Double cell) {
        double r = Math.min(cell.width, cell.height);
        int corner = c.random().nextInt(4);
        double x = corner % 2 == 0 ? cell.x : cell.getMaxX();
        double y = corner < 2 ? cell.y : cell.getMaxY();
        return new Ellipse2D.Double(x - r, y - r, r * 2, r * 2);
    }

    private static Shape halfCircle(Canvas c, Rectangle2D.Double cell) {
        double r = Math.min(cell.width, cell.height) / 2;
        double start = 90 * c.random().nextInt(4);
        return new Arc2D.Double(cell.getCenterX() - r, cell.getCenterY() - r, r * 2, r * 2, start, 180, Arc2D.CHORD);
    }

    private static void ring(Canvas c, Rectangle2D.Double cell, Color ground) {
        double r = Math.min(cell.width, cell.height) * 0.38;
        c.g().fill(new Ellipse2D.Double(cell.getCenterX() - r, cell.getCenterY() - r, r * 2, r * 2));
        c.g().setColor(ground);
        double inner = r * c.between(0.3, 0.6);
        c.g().fill(new Ellipse2D.Double(cell.getCenterX() - inner, cell.getCenterY() - inner, inner * 2, inner * 2));
    }

    private static Shape triangle(Canvas c, Rectangle2D.Double cell) {
        Path2D.Double path = new Path2D.Double();
        boolean rising = c.random().nextBoolean();
        path.moveTo(cell.x, cell.getMaxY());
        path.lineTo(rising ? cell.getMaxX() : cell.x, rising ? cell.getMaxY() : cell.y);
        path.lineTo(cell.getMaxX(), rising ? cell.y : cell.getMaxY());
        path.closePath();
        return path;
    }

    private static void stripes(Canvas c, Rectangle2D.Double cell) {
        int bands = 3 + c.random().nextInt(3);
        boolean across = c.random().nextBoolean();
        for (int i = 0; i < bands; i += 2) {
            c.g().fill(across
                    ? new Rectangle2D.Double(cell.x, cell.y + cell.height * i / bands, cell.width, cell.height / bands)
                    : new Rectangle2D.Double(cell.x + cell.width * i / bands, cell.y, cell.width / bands, cell.height));
        }
    }
}
