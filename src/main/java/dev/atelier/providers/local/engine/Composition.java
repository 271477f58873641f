package dev.atelier.providers.local.engine;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** One way of laying out a sketch; the prompt's words pick it, or the seed when they do not. */
interface Composition {

    void paint(Canvas canvas);

    static Composition chooseFor(PromptWords prompt, SplittableRandom random) {
        if (prompt.mentionsAny(Set.of("landscape", "horizon", "mountain", "mountains", "hill", "hills", "valley",
                "sea", "ocean", "waves", "desert", "sunset", "sunrise", "forest", "lake", "river"))) {
            return new HorizonComposition();
        }
        if (prompt.mentionsAny(Set.of("space", "orbit", "orbits", "planet", "planets", "star", "stars", "cosmic",
                "galaxy", "moon", "sun", "night", "circle", "circles"))) {
            return new OrbitComposition();
        }
        if (prompt.mentionsAny(Set.of("city", "grid", "geometric", "geometry", "bauhaus", "pattern", "mosaic",
                "tiles", "abstract", "architecture"))) {
            return new MosaicComposition();
        }
        List<Composition> all = List.of(new HorizonComposition(), new OrbitComposition(), new MosaicComposition());
        return all.get(random.nextInt(all.size()));
    }
}
