package dev.atelier.render;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.test.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test sources made with ffmpeg (solid colours, tones, silence) and measurements of rendered files. */
public final class MediaChecks {

    private static final Path DIRECTORY;
    private static final Map<String, Path> MADE = new ConcurrentHashMap<>();

    static {
        DIRECTORY = TempDirectories.create("atelier-render-media-");
    }

    private MediaChecks() {
    }

    public static Ffmpeg ffmpeg() {
        try {
            return Ffmpeg.bundled();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A solid-colour 160x90 video with a quiet tone, {@code seconds} long. */
    public static Path colourVideo(String hex, double seconds) {
        return make("colour-" + hex + "-" + seconds + ".mp4", List.of("-f", "lavfi", "-i",
                "color=c=0x" + hex + ":s=160x90:r=25:d=" + seconds, "-f", "lavfi", "-i",
                "sine=frequency=330:sample_rate=44100:duration=" + seconds, "-c:v", "libopenh264", "-b:v", "200k",
                "-c:a", "aac", "-shortest"));
    }

    /** A solid-colour video with no sound at all. */
    public static Path silentColourVideo(String hex, double seconds) {
        return make("mute-" + hex + "-" + seconds + ".mp4", List.of("-f", "lavfi", "-i",
                "color=c=0x" + hex + ":s=120x160:r=30:d=" + seconds, "-c:v", "libopenh264", "-b:v", "200k"));
    }

    public static Path colourPng(String hex) {
        return make("colour-" + hex + ".png", List.of("-f", "lavfi", "-i", "color=c=0x" + hex + ":s=200x200",
                "-frames:v", "1"));
    }

    /** A steady tone (music stand-in) at full scale −6 dB. */
    public static Path tone(int hertz, double seconds) {
        return make("tone-" + hertz + "-" + seconds + ".m4a", List.of("-f", "lavfi", "-i",
                "sine=frequency=" + hertz + ":sample_rate=48000:duration=" + seconds, "-af", "volume=0.5",
                "-c:a", "aac", "-b:a", "128k"));
    }

    /** Silence with an audio stream (a voice-over that says nothing: the music alone is heard under it). */
    public static Path silence(double seconds) {
        return make("silence-" + seconds + ".m4a", List.of("-f", "lavfi", "-i",
                "anullsrc=r=48000:cl=stereo", "-t", String.valueOf(seconds), "-c:a", "aac"));
    }

    public static Path corrupt() {
        Path file = DIRECTORY.resolve("corrupt.mp4");
        try {
            byte[] good = Files.readAllBytes(colourVideo("00ff00", 2));
            byte[] bad = new byte[good.length];
            for (int i = 0; i < bad.length; i++) {
                bad[i] = (byte) (i < 64 ? good[i] : good[i] ^ 0x5a);
            }
            return Files.write(file, bad);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The average colour of the frame at {@code seconds}, as r, g, b. */
    public static int[] colourAt(Path file, double seconds) {
        Path raw = DIRECTORY.resolve("frame-" + System.nanoTime() + ".rgb");
        try {
            ffmpeg().runToFile(List.of("-ss", String.valueOf(seconds), "-i", file.toString(), "-frames:v", "1",
                    "-vf", "scale=8:8:flags=area", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"),
                    Duration.ofSeconds(30), raw);
            byte[] bytes = Files.readAllBytes(raw);
            long r = 0, g = 0, b = 0;
            int n = bytes.length / 3;
            for (int i = 0; i < n; i++) {
                r += bytes[3 * i] & 0xff;
                g += bytes[3 * i + 1] & 0xff;
                b += bytes[3 * i + 2] & 0xff;
            }
            return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            raw.toFile().delete();
        }
    }

    /** The average colour of every frame (decoded at {@code fps}), as r, g, b. */
    public static List<int[]> frameColours(Path file, int fps) {
        Path raw = DIRECTORY.resolve("frames-" + System.nanoTime() + ".rgb");
        try {
            ffmpeg().runToFile(List.of("-i", file.toString(), "-vf", "fps=" + fps + ",scale=4:4:flags=area",
                    "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"), Duration.ofMinutes(2), raw);
            byte[] bytes = Files.readAllBytes(raw);
            List<int[]> frames = new ArrayList<>();
            for (int f = 0; f + 48 <= bytes.length; f += 48) {
                long r = 0, g = 0, b = 0;
                for (int i = 0; i < 16; i++) {
                    r += bytes[f + 3 * i] & 0xff;
                    g += bytes[f + 3 * i + 1] & 0xff;
                    b += bytes[f + 3 * i + 2] & 0xff;
                }
                frames.add(new int[] {(int) (r / 16), (int) (g / 16), (int) (b / 16)});
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            raw.toFile().delete();
        }
    }

    /** The average colour of an encoded image (JPEG, PNG). */
    public static int[] averageColour(byte[] image) {
        try {
            java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
            long r = 0, g = 0, b = 0;
            int n = picture.getWidth() * picture.getHeight();
            for (int y = 0; y < picture.getHeight(); y++) {
                for (int x = 0; x < picture.getWidth(); x++) {
                    int rgb = picture.getRGB(x, y);
                    r += (rgb >> 16) & 0xff;
                    g += (rgb >> 8) & 0xff;
                    b += rgb & 0xff;
                }
            }
            return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The brightest pixel value (luma) in a region of the frame, as fractions of the frame. */
    public static int brightestIn(Path file, double seconds, double x0, double y0, double x1, double y1) {
        Path raw = DIRECTORY.resolve("gray-" + System.nanoTime() + ".raw");
        try {
            ffmpeg().runToFile(List.of("-ss", String.valueOf(seconds), "-i", file.toString(), "-frames:v", "1",
                    "-vf", "scale=100:100", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"), Duration.ofSeconds(30), raw);
            byte[] bytes = Files.readAllBytes(raw);
            int max = 0;
            for (int y = (int) (y0 * 100); y < (int) (y1 * 100); y++) {
                for (int x = (int) (x0 * 100); x < (int) (x1 * 100); x++) {
                    max = Math.max(max, bytes[y * 100 + x] & 0xff);
                }
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            raw.toFile().delete();
        }
    }

    /** RMS level in dBFS of the sound in {@code [from, to)} seconds. */
    public static double levelDb(Path file, double from, double to) {
        Path raw = DIRECTORY.resolve("pcm-" + System.nanoTime() + ".raw");
        try {
            ffmpeg().runToFile(List.of("-ss", String.valueOf(from), "-t", String.valueOf(to - from), "-i",
                    file.toString(), "-vn", "-ac", "1", "-ar", "48000", "-f", "s16le", "pipe:1"), Duration.ofSeconds(30), raw);
            ByteBuffer pcm = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            double sum = 0;
            int n = 0;
            while (pcm.remaining() >= 2) {
                double v = pcm.getShort() / 32768.0;
                sum += v * v;
                n++;
            }
            return n == 0 ? -120 : 10 * Math.log10(Math.max(1e-12, sum / n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            raw.toFile().delete();
        }
    }

    public static long durationMs(Path file) {
        try {
            return new Ffprobe(ffmpeg()).probe(file).durationMs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two colours are the same within what encoding to YUV and back changes. */
    public static boolean near(int[] actual, String hex) {
        int r = Integer.parseInt(hex.substring(0, 2), 16);
        int g = Integer.parseInt(hex.substring(2, 4), 16);
        int b = Integer.parseInt(hex.substring(4, 6), 16);
        return Math.abs(actual[0] - r) < 40 && Math.abs(actual[1] - g) < 40 && Math.abs(actual[2] - b) < 40;
    }

    /** Twelve (or more) colours far enough apart to tell after encoding. */
    public static String colour(int i) {
        String[] base = {"ff0000", "00ff00", "0000ff", "ffff00", "ff00ff", "00ffff", "ffffff", "808080",
            "ff8000", "8000ff", "008040", "804000"};
        return base[i % base.length];
    }

    private static Path make(String name, List<String> arguments) {
        return MADE.computeIfAbsent(name, key -> {
            Path target = DIRECTORY.resolve(key);
            List<String> command = new ArrayList<>(arguments);
            command.add(target.toString());
            try {
                ffmpeg().run(command, Duration.ofMinutes(1));
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A frame in the middle of each clip shows that clip's colour. */
    public static void assertEveryClip(Path video, int clips, long eachMs) {
        List<int[]> frames = MediaChecks.frameColours(video, 20);
        for (int i = 0; i < clips; i++) {
            long middle = i * eachMs + eachMs / 2;
            int[] seen = frames.get((int) ((middle - 25) / 50)); // 25 ms early: still the clip, never past the end
            org.assertj.core.api.Assertions.assertThat(MediaChecks.near(seen, colour(i % 12)))
                    .as("clip %d at %d ms shows %s", i, middle, java.util.Arrays.toString(seen)).isTrue();
        }
    }
}
