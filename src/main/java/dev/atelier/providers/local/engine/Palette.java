package dev.atelier.providers.local.engine;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The colours of one sketch: a deep and a light background colour and a few accents. Built from
 * the colour words of the prompt in the order they appear; the first word sets the mood.
 */
record Palette(Color deep, Color light, List<Color> accents) {

    /** Indigo, slate, terracotta, sand and cream: calm enough for any prompt without colour. */
    private static final List<Color> DEFAULT = List.of(
            new Color(0x1B1B3A), new Color(0x2E4A62), new Color(0xE07A5F), new Color(0xF2CC8F), new Color(0xF4F1DE));

    static Palette from(PromptWords prompt) {
        List<List<Color>> swatches = new ArrayList<>();
        for (String word : prompt.words()) {
            ColourWords.swatchFor(word).filter(s -> !swatches.contains(s)).ifPresent(swatches::add);
        }
        if (swatches.isEmpty()) {
            swatches.add(DEFAULT);
        }
        List<Color> main = swatches.getFirst();
        List<Color> accents = new ArrayList<>(main.subList(1, 5));
        for (List<Color> other : swatches.subList(1, swatches.size())) {
            accents.add(other.get(2));
            accents.add(other.get(3));
        }
        return new Palette(main.get(0), main.get(4), List.copyOf(accents));
    }

    Color accent(SplittableRandom random) {
        return accents.get(random.nextInt(accents.size()));
    }

    /** Colour {@code t} of the way from deep (0) to light (1) through the accents. */
    Color along(double t) {
        List<Color> ramp = new ArrayList<>();
        ramp.add(deep);
        ramp.addAll(accents.subList(0, Math.min(3, accents.size())));
        ramp.add(light);
        double position = Math.clamp(t, 0, 1) * (ramp.size() - 1);
        int index = Math.min((int) position, ramp.size() - 2);
        return blend(ramp.get(index), ramp.get(index + 1), position - index);
    }

    static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color withAlpha(Color colour, double alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), (int) Math.round(255 * Math.clamp(alpha, 0, 1)));
    }
}
