package dev.atelier.render.internal;

import dev.atelier.media.Asset;
import dev.atelier.platform.PlatformProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Low-resolution copies of video sources for previews: decoding a 720p or 1080p source is most of a
 * preview window's cost, and a preview is 360p at 15 fps. A proxy is the source scaled to just cover
 * the preview frame, at the preview's frame rate (the frames the preview's {@code fps} filter would
 * pick; within one source frame of them where a piece starts off the preview's frame grid, and a clip
 * slowed below 1× shows each proxy frame twice), with a key frame every second (a window starting
 * mid-source decodes at most a second it does not show) and its sound copied as it is, in Matroska,
 * which holds any codec. The picture is MPEG-4 part 2 at
 * a high fixed quality: it is never shown, only decoded again, and it encodes and decodes at a
 * fraction of H.264's cost (measured in docs/render.md). Made once per content hash, size and rate
 * beside the input copies (swept with them), shared by every window; sources longer than
 * {@link #LONGEST} are read directly, so the first window never waits for a long transcode.
 */
@Component
class Proxies {

    static final Duration LONGEST = Duration.ofMinutes(2);
    private final RenderTools tools;
    private final Path folder;
    private final Clock clock;
    private final Map<String, Object> making = new ConcurrentHashMap<>();

    Proxies(RenderTools tools, PlatformProperties platform, Clock clock) {
        this.tools = tools;
        this.folder = platform.dataDirectory().resolve("render").resolve("inputs");
        this.clock = clock;
    }

    /**
     * How much smaller than the source a proxy for a {@code width}×{@code height} preview can be: the
     * scale at which the source still covers the whole frame (so the graph never enlarges a proxy,
     * whatever the clip's fit). 1 or more: no proxy.
     */
    static double scale(Asset asset, int width, int height) {
        if (asset.width() == null || asset.height() == null || asset.width() <= 0 || asset.height() <= 0
                || asset.durationMs() == null || asset.durationMs() > LONGEST.toMillis()) {
            return 1;
        }
        return Math.max((double) width / asset.width(), (double) height / asset.height());
    }

    /** Whether a preview of this size reads the asset through a proxy (it is at least a quarter smaller). */
    static boolean worth(Asset asset, int width, int height) {
        return scale(asset, width, height) <= 0.75;
    }

    private static int even(double size) {
        int up = (int) Math.ceil(size);
        return up % 2 == 0 ? up : up + 1;
    }

    /** The proxy of {@code original} (the asset's local copy) for a preview of this size and rate, made on first use. */
    Path of(Asset asset, Path original, int width, int height, int fps) throws RenderFailure {
        double scale = scale(asset, width, height);
        int w = even(asset.width() * scale);
        int h = even(asset.height() * scale);
        Path target = folder.resolve(asset.sha256() + ".proxy-" + w + "x" + h + "-" + fps + "fps.mkv");
        Object lock = making.computeIfAbsent(target.toString(), key -> new Object());
        synchronized (lock) { // two windows of one source: one transcode
            try {
                if (Files.exists(target)) {
                    Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                    return target;
                }
                Path temp = folder.resolve(target.getFileName() + ".part.mkv");
                try {
                    tools.ffmpeg().run(List.of("-threads", "1", "-protocol_whitelist", "file", "-i", original.toString(),
                            "-map", "0:v:0", "-map", "0:a:0?", "-vf", "fps=" + fps + ",scale=" + w + ":" + h,
                            "-c:v", "mpeg4", "-q:v", "3", "-g", Integer.toString(fps), "-threads", "1",
                            "-c:a", "copy", "-f", "matroska", temp.toString()), Duration.ofMinutes(5));
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                return target;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderFailure("interrupted", "The preview was interrupted");
            } catch (IOException e) {
                return original; // a source the proxy cannot be made of is read as it is
            } finally {
                making.remove(target.toString(), lock);
            }
        }
    }
}
