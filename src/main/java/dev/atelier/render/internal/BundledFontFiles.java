package dev.atelier.render.internal;

import dev.atelier.platform.fonts.BundledFonts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** drawtext reads fonts from files: the fonts bundled in the jar, unpacked once by {@link BundledFonts}. */
@Component
class BundledFontFiles implements FontFiles {

    @Override
    public Path file(String id) {
        try {
            return BundledFonts.file(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
