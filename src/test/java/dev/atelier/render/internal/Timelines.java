package dev.atelier.render.internal;

import dev.atelier.render.MediaChecks;
import dev.atelier.render.graph.Edit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renderer timelines built from test media, with the files behind each media hash. */
final class Timelines {

    static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private Timelines() {
    }

    static Edit.Media video(Path file, boolean hasAudio) {
        return media(file, false, hasAudio);
    }

    static Edit.Media image(Path file) {
        return media(file, true, false);
    }

    static Edit.Media audio(Path file) {
        return media(file, false, true);
    }

    private static Edit.Media media(Path file, boolean image, boolean hasAudio) {
        try {
            String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
            FILES.put(sha, file);
            return new Edit.Media(sha, image, hasAudio, image ? 0 : MediaChecks.durationMs(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(Edit.Media media) {
        return FILES.get(media.sha256());
    }

    static Edit.Clip clip(String id, Edit.Media media, long startMs, long durationMs) {
        return new Edit.Clip(id, media, startMs, durationMs, 0, 1.0, true, 1.0, null);
    }

    /** {@code n} solid-colour clips of {@code each} ms, one after another, no transitions. */
    static List<Edit.Clip> colours(int n, long each) {
        List<Edit.Clip> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clips.add(clip("c" + i, video(MediaChecks.colourVideo(MediaChecks.colour(i), 2), true), i * each, each));
        }
        return clips;
    }

    static Edit edit(List<Edit.Clip> clips) {
        return new Edit(clips, List.of(), List.of(), List.of(), Edit.Ducking.OFF, 180);
    }
}
