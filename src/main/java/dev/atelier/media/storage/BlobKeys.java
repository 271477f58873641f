package dev.atelier.media.storage;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only keys the stores accept: {@code assets/<uuid>}, {@code thumbs/<uuid>}, {@code work/<uuid>}
 * (files in flight between nodes, {@link dev.atelier.media.SharedFiles}) and {@code keyed/<64 hex digits>}
 * (shared files named by their owner's content hash, e.g. rendered preview windows).
 */
public final class BlobKeys {

    public static final String CONTENT = "assets/";
    public static final String THUMBNAIL = "thumbs/";
    public static final String WORK = "work/";
    public static final String KEYED = "keyed/";
    private static final Pattern KEYED_KEY = Pattern.compile("keyed/[0-9a-f]{64}");
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

    /** The key of a shared file named by a hash (64 lowercase hex digits); anything else is refused. */
    public static String keyed(String hash) {
        String key = KEYED + hash;
        if (hash == null || !KEYED_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a shared file name: " + hash);
        }
        return key;
    }

    /** The asset a key belongs to, empty for anything that is not a valid key. */
    public static Optional<UUID> assetOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(2))) : Optional.empty();
    }

    static String require(String key) {
        if (key == null || !KEY.matcher(key).matches() && !KEYED_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
