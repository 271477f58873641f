package dev.atelier.platform.fonts;

import dev.atelier.platform.MachineCache;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts Atelier draws with, shipped in the jar ({@code fonts/}, DejaVu): for Java2D
 * ({@link #awtFont}) and for ffmpeg's {@code drawtext=fontfile=…} ({@link #file}). Ids:
 * {@code sans}, {@code sans-bold}, {@code serif}, {@code mono}.
 *
 * <p>The JDK's font manager, on Linux, asks fontconfig for the system's fonts as soon as any font
 * is made, even one read from a file, and fails ("Fontconfig head is null") on a server without
 * fontconfig or fonts. {@link #install()} writes a {@code fontconfig.properties} that maps every
 * logical font (Dialog, SansSerif, Serif, Monospaced, DialogInput) to these files and points the
 * JDK at it ({@code sun.awt.fontconfig}), so text draws the same on every machine and never needs
 * the system's fonts. It must run before the first font is made: Atelier's main method does it,
 * and every method here does it too.
 */
public final class BundledFonts {

    /** Font id to file name under {@code fonts/} in the jar. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("sans", "DejaVuSans.ttf");
        FILES.put("sans-bold", "DejaVuSans-Bold.ttf");
        FILES.put("serif", "DejaVuSerif.ttf");
        FILES.put("mono", "DejaVuSansMono.ttf");
    }

    public static final List<String> IDS = List.copyOf(FILES.keySet());

    private static volatile Path folder;
    private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

    private BundledFonts() {}

    /**
     * Unpacks the fonts (once per machine) and makes the JDK use only them for logical fonts,
     * unless {@code sun.awt.fontconfig} was set already. Idempotent and cheap after the first call.
     */
    public static void install() {
        try {
            folder();
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the bundled fonts", e);
        }
    }

    /** A Java2D font of the given id and point size. */
    public static Font awtFont(String id, float size) {
        requireKnown(id);
        Font base = FONTS.computeIfAbsent(id, known -> {
            try (InputStream in = Files.newInputStream(file(known))) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("bundled font " + known + " is not a TrueType font", e);
            }
        });
        return base.deriveFont(size);
    }

    /** The font's file on disk, for ffmpeg's {@code drawtext=fontfile=}: unpacked once, then the same path. */
    public static Path file(String id) throws IOException {
        requireKnown(id);
        return folder().resolve(FILES.get(id));
    }

    private static void requireKnown(String id) {
        if (!FILES.containsKey(id)) {
            throw new IllegalArgumentException("no bundled font '" + id + "'; known: " + IDS);
        }
    }

    private static Path folder() throws IOException {
        Path known = folder;
        if (known != null) {
            return known;
        }
        synchronized (BundledFonts.class) {
            if (folder == null) {
                Path unpacked = unpack();
                if (System.getProperty("sun.awt.fontconfig") == null) {
                    System.setProperty("sun.awt.fontconfig", unpacked.resolve("fontconfig.properties").toString());
                }
                folder = unpacked;
            }
            return folder;
        }
    }

    private static Path unpack() throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        long hash = 17;
        for (String name : FILES.values()) {
            try (InputStream in = BundledFonts.class.getResourceAsStream("/fonts/" + name)) {
                if (in == null) {
                    throw new IOException("fonts/" + name + " is missing from the class path");
                }
                byte[] bytes = in.readAllBytes();
                contents.put(name, bytes);
                hash = 31 * hash + java.util.Arrays.hashCode(bytes);
            }
        }
        Path target = MachineCache.root().resolve("fonts-" + HexFormat.of().toHexDigits(hash));
        Path properties = target.resolve("fontconfig.properties");
        if (Files.isRegularFile(properties)) {
            return target;
        }
        Files.createDirectories(target);
        for (Map.Entry<String, byte[]> font : contents.entrySet()) {
            writeAtomically(target.resolve(font.getKey()), font.getValue());
        }
        writeAtomically(properties, fontconfig(target).getBytes(StandardCharsets.ISO_8859_1));
        return target;
    }

    /** The JDK's font configuration format (as in its own fontconfig.properties files). */
    private static String fontconfig(Path target) {
        StringBuilder out = new StringBuilder("# Written by Atelier: logical fonts map to its bundled DejaVu fonts.\n");
        out.append("version=1\nsequence.allfonts=latin-1\n");
        for (String family : List.of("serif", "sansserif", "monospaced", "dialog", "dialoginput")) {
            for (String style : List.of("plain", "bold", "italic", "bolditalic")) {
                boolean bold = style.startsWith("bold");
                String face = switch (family) {
                    case "serif" -> "DejaVu Serif";
                    case "monospaced", "dialoginput" -> "DejaVu Sans Mono";
                    default -> bold ? "DejaVu Sans Bold" : "DejaVu Sans";
                };
                out.append(family).append('.').append(style).append(".latin-1=").append(face).append('\n');
            }
        }
        Map<String, String> faces = Map.of("DejaVu_Sans", "sans", "DejaVu_Sans_Bold", "sans-bold",
                "DejaVu_Serif", "serif", "DejaVu_Sans_Mono", "mono");
        faces.forEach((face, id) -> out.append("filename.").append(face).append('=')
                .append(escape(target.resolve(FILES.get(id)).toAbsolutePath().toString())).append('\n'));
        return out.toString();
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace(" ", "\\ ").replace(":", "\\:").replace("=", "\\=");
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
