package dev.atelier.providers.local.engine;

/** A painted picture: always a PNG of the requested size. */
public record SketchResult(String mediaType, int width, int height) {
}
