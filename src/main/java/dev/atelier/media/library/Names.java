package dev.atelier.media.library;

/**
 * A sent file name reduced to a label: its last path segment, without control or invisible
 * formatting characters (a right-to-left override could dress {@code gnp.exe} up as
 * {@code exe.png}), at most 200 characters. It is only ever shown (and offered as a download name), never a path.
 */
final class Names {

    private static final int MAX = 200;

    private Names() {
    }

    static String label(String sent) {
        if (sent == null) {
            return null;
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        return name.length() <= MAX ? name : name.substring(0, MAX);
    }
}
