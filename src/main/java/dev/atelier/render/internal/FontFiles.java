package dev.atelier.render.internal;

import java.nio.file.Path;

/**
 * The font file behind a font id of the timeline (sans, sans-bold, serif, mono). One line to
 * switch to the platform's {@code BundledFonts.file(id)} once it is there.
 */
public interface FontFiles {

    /** @throws IllegalArgumentException for an unknown font id */
    Path file(String id);
}
