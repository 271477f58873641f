package dev.atelier.platform.ffmpeg;

import dev.atelier.platform.MachineCache;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The ffmpeg and ffprobe executables of org.bytedeco:ffmpeg (FFmpeg 8.1, {@code linux-x86_64}),
 * unpacked from the jar on first use into the machine cache and remembered for the life of the
 * JVM. The only static state of the kit: the files never change while we run.
 *
 * <p>They are dynamically linked against FFmpeg's own libraries (shipped beside them) and the
 * C/C++ runtime. The build also links libavdevice against desktop libraries a server lacks
 * (PulseAudio, ALSA, xcb) and libavutil against libudev; Atelier never opens a capture device,
 * so unpacking removes those dependencies from the two libraries ({@link ElfFile#dropNeeded}),
 * and the binaries start on a machine with only glibc. See docs/platform.md.
 */
final class FfmpegBinaries {

    record Located(Path ffmpeg, Path ffprobe, Path folder) {}

    static final String RESOURCES = "org/bytedeco/ffmpeg/linux-x86_64/";
    /** What the bundled build links but Atelier never uses: capture and playback devices. */
    static final Set<String> UNUSED_LIBRARIES =
            Set.of("libpulse.so.0", "libasound.so.2", "libxcb.so.1", "libxcb-shm.so.0", "libudev.so.1");

    /** Bumped whenever what unpacking does to the files changes, so caches made before are not reused. */
    private static final int EDITS_VERSION = 2;

    private static volatile Located located;

    private FfmpegBinaries() {}

    static Located locate() throws FfmpegException {
        Located known = located;
        if (known != null) {
            return known;
        }
        synchronized (FfmpegBinaries.class) {
            if (located == null) {
                located = load();
            }
            return located;
        }
    }

    private static Located load() throws FfmpegException {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")
                || !System.getProperty("os.arch", "").matches("amd64|x86_64")) {
            throw new FfmpegException("the bundled ffmpeg is built for Linux on x86-64 only, not "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch"), "");
        }
        URL url = FfmpegBinaries.class.getClassLoader().getResource(RESOURCES + "ffmpeg");
        if (url == null) {
            throw new FfmpegException("org.bytedeco:ffmpeg (linux-x86_64) is not on the class path", "");
        }
        try {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                List<JarEntry> entries = jar.stream()
                        .filter(e -> !e.isDirectory() && e.getName().startsWith(RESOURCES))
                        .filter(e -> !e.getName().substring(RESOURCES.length()).contains("/"))
                        .filter(e -> !e.getName().substring(RESOURCES.length()).startsWith("libjni"))
                        .sorted(Comparator.comparing(JarEntry::getName))
                        .toList();
                Path folder = MachineCache.root().resolve("ffmpeg-" + fingerprint(entries));
                if (!Files.isExecutable(folder.resolve("ffmpeg")) || !Files.isExecutable(folder.resolve("ffprobe"))) {
                    unpack(jar, entries, folder);
                }
                return new Located(folder.resolve("ffmpeg"), folder.resolve("ffprobe"), folder);
            }
        } catch (IOException | RuntimeException e) {
            throw new FfmpegException("could not unpack the bundled ffmpeg: " + e, "", e);
        }
    }

    /** CRCs and sizes of what is unpacked, plus the list of what is dropped: a new build is a new folder. */
    private static String fingerprint(List<JarEntry> entries) {
        long hash = 1125899906842597L;
        for (JarEntry entry : entries) {
            hash = 31 * hash + entry.getName().hashCode();
            hash = 31 * hash + entry.getCrc();
            hash = 31 * hash + entry.getSize();
        }
        hash = 31 * hash + UNUSED_LIBRARIES.stream().sorted().toList().hashCode();
        hash = 31 * hash + EDITS_VERSION;
        return HexFormat.of().toHexDigits(hash);
    }

    /** Unpacks into a private folder, edits it, then moves it into place in one step. */
    private static void unpack(JarFile jar, List<JarEntry> entries, Path folder) throws IOException {
        Path parent = Files.createDirectories(folder.getParent());
        Path staging = parent.resolve(folder.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectories(staging);
        try {
            List<Path> files = new ArrayList<>();
            for (JarEntry entry : entries) {
                Path target = staging.resolve(entry.getName().substring(RESOURCES.length()));
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                files.add(target);
            }
            for (Path file : files) {
                if (file.getFileName().toString().startsWith("libav")) {
                    ElfFile.dropNeeded(file, UNUSED_LIBRARIES);
                }
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                file.toFile().setExecutable(name.equals("ffmpeg") || name.equals("ffprobe") || name.contains(".so"), true);
            }
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isExecutable(folder.resolve("ffmpeg"))) {
                    throw e; // not another process having put the same files there first
                }
            }
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging folder is harmless
        }
    }
}
