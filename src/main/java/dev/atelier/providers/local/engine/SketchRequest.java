package dev.atelier.providers.local.engine;

/** A picture to paint: what it is about, which variation, and its size in pixels (256–2048 each). */
public record SketchRequest(String prompt, long seed, int width, int height) {

    public static final int MIN_SIDE = 256;
    public static final int MAX_SIDE = 2048;

    public SketchRequest {
        Requests.prompt(prompt);
        Requests.inRange("width", width, MIN_SIDE, MAX_SIDE, "pixels");
        Requests.inRange("height", height, MIN_SIDE, MAX_SIDE, "pixels");
    }
}
