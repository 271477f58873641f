package dev.atelier.studio.internal;

/** One model as the home page's overview shows it (public: the compiled templates read it). */
public record OfferedModel(String id, String kind, String description, boolean offline, boolean available,
        String reason) {
}
