package dev.atelier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Compares two renders of one timeline: frame counts, single frames (PSNR), and decoded sound. */
public final class VideoCompare {

    private VideoCompare() {
    }

    public static long frames(Path video) throws Exception {
        String out = MediaChecks.ffmpeg().probe(List.of("-select_streams", "v:0", "-count_packets", "-show_entries",
                "stream=nb_read_packets", "-of", "csv=p=0", video.toString()), Duration.ofMinutes(1));
        return Long.parseLong(out.strip());
    }

    /** MD5 of the decoded sound: equal only when the samples are. */
    public static String soundDigest(Path video) throws Exception {
        Path digest = Files.createTempFile("sound-", ".md5");
        MediaChecks.ffmpeg().run(List.of("-i", video.toString(), "-map", "0:a", "-f", "md5", digest.toString()),
                Duration.ofMinutes(1));
        return Files.readString(digest).strip();
    }

    /** Frame {@code n} (from 0) as packed RGB. */
    public static byte[] frame(Path video, long n) throws Exception {
        Path raw = Files.createTempFile("frame-", ".rgb");
        MediaChecks.ffmpeg().run(List.of("-i", video.toString(), "-vf", "select=eq(n\\," + n + ")", "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString()), Duration.ofMinutes(1));
        byte[] bytes = Files.readAllBytes(raw);
        assertThat(bytes).as("frame %d of %s", n, video).isNotEmpty();
        return bytes;
    }

    public static double psnr(byte[] x, byte[] y) {
        assertThat(x).hasSameSizeAs(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xff) - (y[i] & 0xff);
            sum += d * d;
        }
        double mse = sum / x.length;
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /**
     * The frames on each side of every boundary are the same pictures (PSNR over 30 dB, and closer to
     * their counterpart than to its neighbour: not a frame early or late).
     */
    public static void assertSameAround(Path actual, Path expected, int fps, long... boundariesMs) throws Exception {
        for (long boundary : boundariesMs) {
            long frame = boundary * fps / 1000;
            for (long n : new long[] {frame - 1, frame}) {
                byte[] mine = frame(actual, n);
                double same = psnr(mine, frame(expected, n));
                double neighbour = psnr(mine, frame(expected, n == frame ? n - 1 : n + 1));
                assertThat(same).as("frame %d against the one-window export's", n).isGreaterThan(30);
                assertThat(same).as("frame %d is that frame, not its neighbour", n).isGreaterThan(neighbour + 3);
            }
        }
    }

    /** Moving test pictures (every frame differs) with a tone, 640x360 at 30 fps, 4 s. */
    public static Path moving(String name, int hue) throws Exception {
        Path file = Files.createTempFile("moving-" + name + "-", ".mp4");
        MediaChecks.ffmpeg().run(List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30,hue=h=" + hue, "-f",
                "lavfi", "-i", "sine=frequency=" + (300 + hue) + ":sample_rate=48000", "-t", "4", "-c:v", "libopenh264",
                "-b:v", "2M", "-c:a", "aac", "-shortest", file.toString()), Duration.ofMinutes(1));
        return file;
    }
}
