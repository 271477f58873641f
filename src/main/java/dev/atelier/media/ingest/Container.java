package dev.atelier.media.ingest;

import dev.atelier.media.AssetKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats the library accepts, as told by their bytes. Each names the ffmpeg demuxer
 * that must read it (forced with {@code -f}, so a file cannot talk ffmpeg into another format)
 * and the kinds it can hold: an MP4 may be a video or only sound, which probing decides.
 */
public enum Container {
    PNG("png_pipe", AssetKind.IMAGE),
    JPEG("jpeg_pipe", AssetKind.IMAGE),
    GIF("gif", AssetKind.IMAGE),
    WEBP("webp_pipe", AssetKind.IMAGE),
    ISO_MEDIA("mov", AssetKind.VIDEO, AssetKind.AUDIO),
    MATROSKA("matroska", AssetKind.VIDEO, AssetKind.AUDIO),
    OGG("ogg", AssetKind.AUDIO, AssetKind.VIDEO),
    MP3("mp3", AssetKind.AUDIO),
    WAV("wav", AssetKind.AUDIO),
    FLAC("flac", AssetKind.AUDIO),
    AAC("aac", AssetKind.AUDIO);

    /** Tika's names (from bytes alone) for each accepted format. */
    private static final Map<String, Container> DETECTED = Map.ofEntries(
            Map.entry("image/png", PNG),
            Map.entry("image/jpeg", JPEG),
            Map.entry("image/gif", GIF),
            Map.entry("image/webp", WEBP),
            Map.entry("video/quicktime", ISO_MEDIA),
            Map.entry("video/mp4", ISO_MEDIA),
            Map.entry("video/x-m4v", ISO_MEDIA),
            Map.entry("audio/mp4", ISO_MEDIA),
            Map.entry("application/mp4", ISO_MEDIA),
            Map.entry("application/x-matroska", MATROSKA),
            Map.entry("video/x-matroska", MATROSKA),
            Map.entry("audio/x-matroska", MATROSKA),
            Map.entry("video/webm", MATROSKA),
            Map.entry("audio/webm", MATROSKA),
            Map.entry("application/ogg", OGG),
            Map.entry("audio/ogg", OGG),
            Map.entry("audio/vorbis", OGG),
            Map.entry("audio/opus", OGG),
            Map.entry("video/ogg", OGG),
            Map.entry("audio/mpeg", MP3),
            Map.entry("audio/vnd.wave", WAV),
            Map.entry("audio/wav", WAV),
            Map.entry("audio/x-wav", WAV),
            Map.entry("audio/x-flac", FLAC),
            Map.entry("audio/flac", FLAC),
            Map.entry("audio/x-aac", AAC),
            Map.entry("audio/aac", AAC));

    private final String demuxer;
    private final Set<AssetKind> kinds;

    Container(String demuxer, AssetKind... kinds) {
        this.demuxer = demuxer;
        this.kinds = Set.of(kinds);
    }

    public static Optional<Container> ofDetected(String mediaType) {
        return Optional.ofNullable(DETECTED.get(mediaType));
    }

    public String demuxer() {
        return demuxer;
    }

    /** The kinds this format may turn out to hold. */
    public Set<AssetKind> kinds() {
        return kinds;
    }

    public boolean image() {
        return kinds.contains(AssetKind.IMAGE);
    }
}
