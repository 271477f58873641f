package dev.atelier.providers.local.engine;

import java.awt.Graphics2D;
import java.util.SplittableRandom;

/** Where a composition paints: the graphics, its size, its colours and its seeded random source. */
record Canvas(Graphics2D g, int width, int height, Palette palette, SplittableRandom random) {

    /** The short side: shapes are sized by it so a picture keeps its look at any resolution. */
    double unit() {
        return Math.min(width, height);
    }

    double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
