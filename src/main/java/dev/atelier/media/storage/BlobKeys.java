package dev.atelier.media.storage;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only keys the stores accept: {@code assets/<uuid>}, {@code thumbs/<uuid>} and {@code work/<uuid>}
 * (files in flight between nodes, {@link dev.atelier.media.SharedFiles}).
 */
public final class BlobKeys {

    public static final String CONTENT = "assets/";
    public static final String THUMBNAIL = "thumbs/";
    public static final String WORK = "work/";
    private static final Pattern KEY = Pattern.compile(
            "(assets|thumbs|work)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private BlobKeys() {
    }

    public static String content(UUID assetId) {
        return CONTENT + assetId;
    }

    public static String thumbnail(UUID assetId) {
        return THUMBNAIL + assetId;
    }

    public static String work(UUID fileId) {
        return WORK + fileId;
    }

    /** The asset a key belongs to, empty for anything that is not a valid key. */
    public static Optional<UUID> assetOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(2))) : Optional.empty();
    }

    static String require(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
