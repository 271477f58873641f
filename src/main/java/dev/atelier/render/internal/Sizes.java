package dev.atelier.render.internal;

/** Frame sizes of the project's shape at a named resolution: the short side is the number. */
final class Sizes {

    private Sizes() {
    }

    /** {@code [width, height]} with {@code shortSide} on the shorter side, both even. */
    static int[] of(int projectWidth, int projectHeight, int shortSide) {
        if (projectWidth >= projectHeight) {
            return new int[] {even((double) shortSide * projectWidth / projectHeight), shortSide};
        }
        return new int[] {shortSide, even((double) shortSide * projectHeight / projectWidth)};
    }

    static int shortSide(String resolution) {
        return switch (resolution) {
            case "480p" -> 480;
            case "720p" -> 720;
            case "1080p" -> 1080;
            default -> throw new IllegalArgumentException("unknown resolution " + resolution);
        };
    }

    private static int even(double size) {
        return (int) Math.round(size / 2) * 2;
    }
}
