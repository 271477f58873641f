package dev.atelier.providers.local.engine;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What colour words mean to the sketch: five colours each, from the deepest shade to the lightest.
 * Hand-picked so any one word alone already makes a harmonious picture.
 */
final class ColourWords {

    private static final Map<String, List<Color>> SWATCHES = Map.ofEntries(
            swatch("red", 0x2B0A0A, 0x6E1414, 0xB3261E, 0xE5533D, 0xF6B8A8),
            swatch("orange", 0x2E1405, 0x8A3B0C, 0xE0731F, 0xF7A248, 0xFCD9B0),
            swatch("yellow", 0x2D2606, 0x8C7311, 0xE8C547, 0xF5DC6E, 0xFBF1C4),
            swatch("gold", 0x241703, 0x6B4A0E, 0xB8860B, 0xE0B43C, 0xF6E3A1),
            swatch("green", 0x0B2013, 0x1F5132, 0x3E8E5A, 0x7CC38F, 0xD3EDD8),
            swatch("forest", 0x0A1A10, 0x1E3B26, 0x2F5D3A, 0x6B8F4E, 0xC9D6A3),
            swatch("blue", 0x07122E, 0x123A7A, 0x1F6FD1, 0x5FA2EE, 0xCFE3FA),
            swatch("ocean", 0x04161F, 0x0B3D55, 0x127A8A, 0x46B5B0, 0xE8DDC4),
            swatch("teal", 0x031E1E, 0x0B4F4F, 0x168C8C, 0x4CC9C0, 0xD3F4F0),
            swatch("purple", 0x1A0B2A, 0x40206B, 0x7446B0, 0xA98BDB, 0xE6DBF6),
            swatch("pink", 0x2E0C1C, 0x7A2350, 0xD64F8C, 0xF093B7, 0xFBD9E6),
            swatch("sunset", 0x1E0F2E, 0x5B2A5E, 0xD9534F, 0xF28C38, 0xFFD27F),
            swatch("night", 0x03040C, 0x0E1433, 0x27305E, 0x6C74A8, 0xE4E2F2),
            swatch("snow", 0x2D3440, 0x6D7A8C, 0xB8C4D1, 0xE3E9EF, 0xFBFCFD),
            swatch("black", 0x050505, 0x151515, 0x2A2A2E, 0x5A5A66, 0xC7C7CF),
            swatch("desert", 0x22150A, 0x5B3A1E, 0x9C6B3E, 0xD2A56C, 0xF1DEC0),
            swatch("autumn", 0x2A1106, 0x7A2E0C, 0xC4581A, 0xE9A23B, 0xF3D9A4),
            swatch("fire", 0x1A0500, 0x6B1200, 0xD1340A, 0xF57C1B, 0xFFD34E),
            swatch("ice", 0x0B1C2C, 0x2E5A7A, 0x6FA8C7, 0xB9DDEB, 0xF2FAFD),
            swatch("neon", 0x0A0014, 0x3A0CA3, 0xFF2E88, 0x2EF2FF, 0xB6FF2E));

    /** Other words for the same colours. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("crimson", "red"), Map.entry("scarlet", "red"), Map.entry("ruby", "red"),
            Map.entry("amber", "gold"), Map.entry("golden", "gold"), Map.entry("lemon", "yellow"),
            Map.entry("emerald", "green"), Map.entry("jade", "green"), Map.entry("leaf", "green"),
            Map.entry("woods", "forest"), Map.entry("jungle", "forest"), Map.entry("moss", "forest"),
            Map.entry("azure", "blue"), Map.entry("navy", "blue"), Map.entry("sky", "blue"),
            Map.entry("sea", "ocean"), Map.entry("waves", "ocean"), Map.entry("water", "ocean"),
            Map.entry("cyan", "teal"), Map.entry("turquoise", "teal"), Map.entry("violet", "purple"),
            Map.entry("lavender", "purple"), Map.entry("lilac", "purple"), Map.entry("rose", "pink"),
            Map.entry("dusk", "sunset"), Map.entry("sunrise", "sunset"), Map.entry("midnight", "night"),
            Map.entry("space", "night"), Map.entry("stars", "night"), Map.entry("white", "snow"),
            Map.entry("winter", "snow"), Map.entry("dark", "black"), Map.entry("grey", "black"),
            Map.entry("gray", "black"), Map.entry("sand", "desert"), Map.entry("brown", "desert"),
            Map.entry("earth", "desert"), Map.entry("fall", "autumn"), Map.entry("flame", "fire"),
            Map.entry("lava", "fire"), Map.entry("frost", "ice"), Map.entry("glacier", "ice"),
            Map.entry("cyberpunk", "neon"));

    private ColourWords() {}

    static Optional<List<Color>> swatchFor(String word) {
        String colour = SYNONYMS.getOrDefault(word, word);
        return Optional.ofNullable(SWATCHES.get(colour));
    }

    private static Map.Entry<String, List<Color>> swatch(String word, int... rgb) {
        return Map.entry(word, java.util.Arrays.stream(rgb).mapToObj(Color::new).toList());
    }
}
