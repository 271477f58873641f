package dev.atelier.media.delivery;

import dev.atelier.media.Asset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;

/**
 * The {@code Content-Disposition} of a download: the asset's name (already only a last path
 * segment) with an extension that matches what the bytes are, as an ASCII fallback and in UTF-8.
 */
public final class Downloads {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"),
            Map.entry("video/webm", "webm"), Map.entry("video/x-matroska", "mkv"), Map.entry("video/ogg", "ogv"),
            Map.entry("audio/mp4", "m4a"), Map.entry("audio/webm", "webm"), Map.entry("audio/x-matroska", "mka"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/mpeg", "mp3"), Map.entry("audio/wav", "wav"),
            Map.entry("audio/flac", "flac"), Map.entry("audio/aac", "aac"));

    private Downloads() {
    }

    public static String attachment(Asset asset) {
        return ContentDisposition.attachment().filename(fileName(asset), StandardCharsets.UTF_8).build().toString();
    }

    static String extension(String mediaType) {
        return EXTENSIONS.getOrDefault(mediaType, "bin");
    }

    static String fileName(Asset asset) {
        String extension = extension(asset.mediaType());
        String name = asset.name() == null || asset.name().isBlank() ? asset.id().toString() : asset.name();
        return name.toLowerCase().endsWith("." + extension) ? name : name + "." + extension;
    }
}
