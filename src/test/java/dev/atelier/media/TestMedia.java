package dev.atelier.media;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.test.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real media files for tests, made once per test JVM with the bundled ffmpeg from its test
 * sources (a test pattern, a sine tone), so no binary fixtures live in the repository.
 */
public final class TestMedia {

    private static final Path DIRECTORY;
    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

    static {
        DIRECTORY = TempDirectories.create("atelier-test-media-");
    }

    private TestMedia() {
    }

    public static Path png() {
        return image("image.png", 640, 480, List.of());
    }

    public static Path png(int width, int height) {
        return image("image-" + width + "x" + height + ".png", width, height, List.of());
    }

    public static Path jpeg() {
        return image("photo.jpg", 1024, 768, List.of("-q:v", "4"));
    }

    public static Path gif() {
        return image("anim.gif", 200, 100, List.of());
    }

    public static Path webp() {
        return image("image.webp", 400, 300, List.of());
    }

    /** Two seconds of 320x240 H.264 + AAC in MP4, index at the end (as ffmpeg writes by default). */
    public static Path mp4() {
        return make("clip.mp4", List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi",
                "-i", "sine=frequency=440", "-t", "2", "-c:v", "libopenh264", "-c:a", "aac", "-shortest"));
    }

    /** The same with its index first ("fast start"), as web videos usually are. */
    public static Path mp4FastStart() {
        return make("fast.mp4", List.of("-i", mp4().toString(), "-c", "copy", "-movflags", "+faststart"));
    }

    public static Path webm() {
        return make("clip.webm", List.of("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "1",
                "-c:v", "libvpx", "-b:v", "200k"));
    }

    public static Path m4a() {
        return make("sound.m4a", List.of("-f", "lavfi", "-i", "sine=frequency=440", "-t", "2", "-c:a", "aac"));
    }

    public static Path mp3() {
        return make("sound.mp3", List.of("-f", "lavfi", "-i", "sine=frequency=440", "-t", "2"));
    }

    public static Path wav() {
        return wav(2);
    }

    /** 16-bit mono 44.1 kHz: about 88 KB a second. */
    public static Path wav(int seconds) {
        return make("sound-" + seconds + "s.wav", List.of("-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-ac", "1", "-ar", "44100", "-c:a", "pcm_s16le"));
    }

    /** Sound only, in an MP4 whose brand does not say so (isom): only probing tells it is audio. */
    public static Path audioOnlyMp4(int seconds) {
        return make("sound-" + seconds + "s.mp4", List.of("-f", "lavfi", "-i", "anoisesrc=color=white",
                "-t", String.valueOf(seconds), "-c:a", "aac", "-b:a", "192k", "-brand", "isom"));
    }

    public static Path opus() {
        return make("sound.opus", List.of("-f", "lavfi", "-i", "sine=frequency=440", "-t", "2", "-c:a", "libopus"));
    }

    /** The first {@code fraction} of a file. */
    public static Path truncated(Path file, double fraction) {
        String name = "truncated-" + (int) (fraction * 100) + "-" + file.getFileName();
        return MADE.computeIfAbsent(name, key -> {
            try {
                byte[] bytes = Files.readAllBytes(file);
                return Files.write(DIRECTORY.resolve(key), java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path image(String name, int width, int height, List<String> options) {
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height, "-frames:v", "1"));
        arguments.addAll(options);
        return make(name, arguments);
    }

    private static Path make(String name, List<String> arguments) {
        return MADE.computeIfAbsent(name, key -> {
            Path target = DIRECTORY.resolve(key);
            List<String> command = new ArrayList<>(arguments);
            command.add(target.toString());
            try {
                Ffmpeg.bundled().run(command, Duration.ofMinutes(1));
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
