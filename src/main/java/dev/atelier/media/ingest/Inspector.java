package dev.atelier.media.ingest;

import dev.atelier.media.AssetKind;
import dev.atelier.media.MediaRejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Confirms that spooled content really is what its head claims by decoding it (out of process,
 * so a decompression bomb costs an ffmpeg process, never the server's heap), and makes its
 * thumbnail on the way: an image's decode is its scaled copy, a video is decoded at a poster
 * frame and over its last second (a truncated file fails there), and audio is decoded whole into
 * its waveform picture. Then decides the kind and the exact media type from what was decoded.
 */
public class Inspector {

    private static final Set<String> WEBM_VIDEO = Set.of("vp8", "vp9", "av1");
    private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

    private final MediaTools tools;
    private final Prober prober;
    private final int thumbnailSize;
    private final long maxImagePixels;

    public Inspector(MediaTools tools, Prober prober, int thumbnailSize, long maxImagePixels) {
        this.tools = tools;
        this.prober = prober;
        this.thumbnailSize = thumbnailSize;
        this.maxImagePixels = maxImagePixels;
    }

    /** What decoding established, and the thumbnail it left in the work folder. */
    public record Inspected(AssetKind kind, String mediaType, Integer width, Integer height, Long durationMs,
            boolean hasAudio, Path thumbnail, String thumbnailType) {
    }

    public Inspected inspect(Spooler.Spooled spooled, AssetKind expected) throws IOException {
        Container container = spooled.sniffed().container();
        Probe probe = prober.probe(spooled.file(), container)
                .orElseThrow(() -> notDecodable(container));
        AssetKind kind = kindOf(container, probe);
        if (expected != null && expected != kind) {
            throw MediaRejected.unsupported("Expected " + expected.value() + " but the content is " + kind.value());
        }
        Path file = spooled.file();
        return switch (kind) {
            case IMAGE -> image(file, container, probe);
            case VIDEO -> video(file, container, probe, spooled.sniffed().quickTime());
            case AUDIO -> audio(file, container, probe);
        };
    }

    private static AssetKind kindOf(Container container, Probe probe) {
        if (container.image()) {
            if (!probe.hasVideo()) {
                throw notDecodable(container);
            }
            return AssetKind.IMAGE;
        }
        if (probe.hasVideo() && container.kinds().contains(AssetKind.VIDEO)) {
            return AssetKind.VIDEO;
        }
        if (probe.hasAudio()) {
            return AssetKind.AUDIO;
        }
        throw MediaRejected.unsupported("The file holds no picture or sound that can be played");
    }

    private Inspected image(Path file, Container container, Probe probe) throws IOException {
        if (probe.width() == null || probe.height() == null) {
            throw notDecodable(container);
        }
        if ((long) probe.width() * probe.height() > maxImagePixels) {
            throw MediaRejected.unsupported("The image has more than " + maxImagePixels + " pixels");
        }
        boolean jpeg = container == Container.JPEG;
        Path thumbnail = file.resolveSibling(jpeg ? "thumbnail.jpg" : "thumbnail.png");
        // -xerror and a clean error log: a truncated JPEG or GIF decodes "successfully" with a complaint
        MediaTools.Run run = tools.ffmpeg(file.getParent(), command(container, file, List.of("-xerror"),
                List.of("-frames:v", "1", "-vf", scale(), "-q:v", "3", "-y", thumbnail.getFileName().toString())));
        if (!run.clean() || !nonEmpty(thumbnail)) {
            throw notDecodable(container);
        }
        String type = switch (container) {
            case PNG -> "image/png";
            case JPEG -> "image/jpeg";
            case GIF -> "image/gif";
            default -> "image/webp";
        };
        return new Inspected(AssetKind.IMAGE, type, probe.width(), probe.height(), null, false,
                thumbnail, jpeg ? "image/jpeg" : "image/png");
    }

    private Inspected video(Path file, Container container, Probe probe, boolean quickTime) throws IOException {
        if (probe.width() == null || probe.height() == null || probe.durationMs() == null) {
            throw notDecodable(container);
        }
        Path poster = file.resolveSibling("thumbnail.jpg");
        String at = String.format(Locale.ROOT, "%.3f", Math.min(1000, probe.durationMs() / 3) / 1000.0);
        // the end is decoded in a second process meanwhile: both only read the file
        FutureTask<MediaTools.Run> tailRun = new FutureTask<>(() -> tools.ffmpeg(file.getParent(), command(container,
                file, List.of("-xerror", "-sseof", "-1"), List.of("-map", "0:v:0", "-map", "0:a:0?", "-f", "null", "-"))));
        Thread.ofVirtual().name("decode-tail").start(tailRun);
        MediaTools.Run posterRun = tools.ffmpeg(file.getParent(), command(container, file, List.of("-ss", at),
                List.of("-map", "0:v:0", "-frames:v", "1", "-vf", scale(), "-q:v", "3", "-y",
                        poster.getFileName().toString())));
        MediaTools.Run tail = result(tailRun);
        if (!posterRun.ok() || !nonEmpty(poster) || !tail.ok()) {
            throw notDecodable(container);
        }
        String type = switch (container) {
            case ISO_MEDIA -> quickTime ? "video/quicktime" : "video/mp4";
            case MATROSKA -> webm(probe) ? "video/webm" : "video/x-matroska";
            default -> "video/ogg";
        };
        return new Inspected(AssetKind.VIDEO, type, probe.width(), probe.height(), probe.durationMs(),
                probe.hasAudio(), poster, "image/jpeg");
    }

    private Inspected audio(Path file, Container container, Probe probe) throws IOException {
        if (probe.durationMs() == null) {
            throw notDecodable(container);
        }
        Path waveform = file.resolveSibling("thumbnail.png");
        String size = thumbnailSize + "x" + Math.max(16, thumbnailSize / 4);
        MediaTools.Run run = tools.ffmpeg(file.getParent(), command(container, file, List.of("-xerror"),
                List.of("-filter_complex", "[0:a:0]aformat=channel_layouts=mono,showwavespic=s=" + size
                        + ":colors=0x7c5cff", "-frames:v", "1", "-y", waveform.getFileName().toString())));
        if (!run.ok() || !nonEmpty(waveform)) {
            throw notDecodable(container);
        }
        String type = switch (container) {
            case ISO_MEDIA -> "audio/mp4";
            case MATROSKA -> webm(probe) ? "audio/webm" : "audio/x-matroska";
            case OGG -> "audio/ogg";
            case MP3 -> "audio/mpeg";
            case WAV -> "audio/wav";
            case FLAC -> "audio/flac";
            default -> "audio/aac";
        };
        return new Inspected(AssetKind.AUDIO, type, null, null, probe.durationMs(), true, waveform, "image/png");
    }

    private static MediaTools.Run result(FutureTask<MediaTools.Run> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static boolean webm(Probe probe) {
        return (probe.videoCodec() == null || WEBM_VIDEO.contains(probe.videoCodec()))
                && (probe.audioCodec() == null || WEBM_AUDIO.contains(probe.audioCodec()));
    }

    /** ffmpeg reading only local files, only through the sniffed demuxer. */
    private static List<String> command(Container container, Path file, List<String> inputOptions,
            List<String> output) {
        List<String> command = new ArrayList<>(List.of("-v", "error"));
        command.addAll(inputOptions);
        command.addAll(List.of("-protocol_whitelist", "file", "-f", container.demuxer(),
                "-i", file.getFileName().toString()));
        command.addAll(output);
        return command;
    }

    private String scale() {
        return "scale='min(" + thumbnailSize + ",iw)':'min(" + thumbnailSize + ",ih)'"
                + ":force_original_aspect_ratio=decrease";
    }

    private static boolean nonEmpty(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) > 0;
    }

    private static MediaRejected notDecodable(Container container) {
        return MediaRejected.unsupported("The content starts like " + container.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + " but does not decode as one (truncated or corrupt?)");
    }
}
