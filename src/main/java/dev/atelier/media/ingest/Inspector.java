package dev.atelier.media.ingest;

import dev.atelier.media.AssetKind;
import dev.atelier.media.MediaRejected;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.platform.ffmpeg.MediaInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Confirms that spooled content really is what its head claims by decoding it, and makes its
 * thumbnail on the way: an image's decode is its scaled copy, a video is decoded at a poster
 * frame and, in parallel, over its last second (a truncated file fails there), and audio is
 * decoded whole into its waveform picture. Decoders run with {@code -xerror -err_detect explode}
 * so damage that ffmpeg would otherwise paper over (a truncated JPEG) fails the run. Then the
 * kind and the exact media type are decided from what was decoded. PNG and JPEG stills are decoded in
 * process with the JDK's decoders, subsampled to thumbnail size ({@link Stills}); everything else,
 * and any still the JDK does not decode cleanly, out of process, so a decompression bomb costs an
 * ffmpeg process, never the server's heap.
 *
 * <p>Nothing is decoded before the headers were read and held to {@link DecodeLimits} (dimensions,
 * duration, frame count): a small file that claims 16000×16000 pixels is refused on its claim. Every
 * decode runs with one thread, a cap on its largest allocation and only the decoders of the accepted
 * formats; and the platform runs only so many ffmpeg processes at once on a node (the rest queue).
 */
public class Inspector {

    private static final Set<String> WEBM_VIDEO = Set.of("vp8", "vp9", "av1");
    private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

    private final Ffmpeg ffmpeg;
    private final Prober prober;
    private final int thumbnailSize;
    private final DecodeLimits limits;
    private final Duration timeout;
    private final Stills stills;

    public Inspector(Ffmpeg ffmpeg, Prober prober, int thumbnailSize, long maxImagePixels, Duration timeout) {
        this(ffmpeg, prober, thumbnailSize, new DecodeLimits(DecodeLimits.DEFAULTS.maxImageWidth(),
                DecodeLimits.DEFAULTS.maxImageHeight(), maxImagePixels, DecodeLimits.DEFAULTS.maxVideoWidth(),
                DecodeLimits.DEFAULTS.maxVideoHeight(), DecodeLimits.DEFAULTS.maxDuration(),
                DecodeLimits.DEFAULTS.maxVideoFrames(), DecodeLimits.DEFAULTS.decodeThreads()), timeout);
    }

    public Inspector(Ffmpeg ffmpeg, Prober prober, int thumbnailSize, DecodeLimits limits, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.prober = prober;
        this.thumbnailSize = thumbnailSize;
        this.limits = limits;
        this.timeout = timeout;
        this.stills = new Stills(thumbnailSize, limits);
    }

    /** What decoding established, and the thumbnail it left in the work folder. */
    public record Inspected(AssetKind kind, String mediaType, Integer width, Integer height, Long durationMs,
            boolean hasAudio, Path thumbnail, String thumbnailType) {
    }

    public Inspected inspect(Spooler.Spooled spooled, AssetKind expected) throws IOException {
        Container container = spooled.sniffed().container();
        if (Stills.handles(container)) {
            Optional<Inspected> still = still(spooled.file(), container, expected);
            if (still.isPresent()) {
                return still.get();
            }
        }
        Prober.Probed probed = prober.probeFrames(spooled.file(), container).orElseThrow(() -> notDecodable(container));
        MediaInfo probe = probed.info();
        AssetKind kind = kindOf(container, probe);
        refuseOverLimits(kind, probe, probed.frames());
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

    /**
     * A PNG or JPEG confirmed in process ({@link Stills}): header, limits, expected kind, then the
     * decode. Empty when the JDK could not decode it cleanly: then ffprobe and ffmpeg decide.
     */
    private Optional<Inspected> still(Path file, Container container, AssetKind expected) throws IOException {
        boolean jpeg = container == Container.JPEG;
        Path thumbnail = file.resolveSibling(jpeg ? "thumbnail.jpg" : "thumbnail.png");
        return stills.decode(file, container, thumbnail, () -> {
            if (expected != null && expected != AssetKind.IMAGE) {
                throw MediaRejected.unsupported("Expected " + expected.value() + " but the content is image");
            }
        }).map(decoded -> new Inspected(AssetKind.IMAGE, jpeg ? "image/jpeg" : "image/png", decoded.width(),
                decoded.height(), null, false, thumbnail, jpeg ? "image/jpeg" : "image/png"));
    }

    static MediaRejected imageTooBig(DecodeLimits limits, int width, int height) {
        return tooBig("The image is " + width + "×" + height + " pixels; at most " + limits.maxImageWidth() + "×"
                + limits.maxImageHeight() + " and no more than " + limits.maxImagePixels() + " pixels are accepted");
    }

    /** Refuses what the headers say is too big to decode, before anything is decoded. */
    private void refuseOverLimits(AssetKind kind, MediaInfo probe, long frames) {
        switch (kind) {
            case IMAGE -> {
                if (!limits.imageFits(probe.width(), probe.height())) {
                    throw imageTooBig(limits, probe.width(), probe.height());
                }
            }
            case VIDEO -> {
                if (!limits.videoFits(probe.width(), probe.height())) {
                    throw tooBig("The video is " + probe.width() + "×" + probe.height() + " pixels; at most "
                            + limits.maxVideoWidth() + "×" + limits.maxVideoHeight() + " is accepted");
                }
                if (frames > limits.maxVideoFrames()) {
                    throw tooBig("The video has " + frames + " frames; at most " + limits.maxVideoFrames()
                            + " are accepted");
                }
                refuseTooLong(probe);
            }
            case AUDIO -> refuseTooLong(probe);
        }
    }

    private void refuseTooLong(MediaInfo probe) {
        if (probe.durationMs() > limits.maxDuration().toMillis()) {
            throw tooBig("The recording lasts " + probe.durationMs() / 1000 + " s; at most "
                    + limits.maxDuration().toSeconds() + " s are accepted");
        }
    }

    private static MediaRejected tooBig(String detail) {
        return MediaRejected.unsupported(detail);
    }

    private static AssetKind kindOf(Container container, MediaInfo probe) {
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

    private Inspected image(Path file, Container container, MediaInfo probe) throws IOException {
        if (probe.width() <= 0 || probe.height() <= 0) {
            throw notDecodable(container);
        }
        boolean jpeg = container == Container.JPEG;
        Path thumbnail = file.resolveSibling(jpeg ? "thumbnail.jpg" : "thumbnail.png");
        decode(container, command(container, file, List.of("-xerror", "-err_detect", "explode"),
                List.of("-frames:v", "1", "-vf", scale(), "-q:v", "3", "-update", "1", output(thumbnail))), thumbnail);
        if (container == Container.GIF) {
            readWholeFirstFrame(file, container); // ffmpeg only logs a broken GIF frame
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

    private Inspected video(Path file, Container container, MediaInfo probe, boolean quickTime) throws IOException {
        if (probe.width() <= 0 || probe.height() <= 0 || probe.durationMs() <= 0) {
            throw notDecodable(container);
        }
        Path poster = file.resolveSibling("thumbnail.jpg");
        String at = String.format(Locale.ROOT, "%.3f", Math.min(1000, probe.durationMs() / 3) / 1000.0);
        // the end is decoded in a second process meanwhile: both only read the file
        FutureTask<Void> tail = new FutureTask<>(() -> {
            decode(container, command(container, file, List.of("-xerror", "-sseof", "-1"),
                    List.of("-map", "0:v:0", "-map", "0:a:0?", "-f", "null", "-")), null);
            return null;
        });
        Thread.ofVirtual().name("decode-tail").start(tail);
        try {
            decode(container, command(container, file, List.of("-ss", at),
                    List.of("-map", "0:v:0", "-frames:v", "1", "-vf", scale(), "-q:v", "3", "-update", "1",
                            output(poster))), poster);
        } finally {
            await(tail);
        }
        String type = switch (container) {
            case ISO_MEDIA -> quickTime ? "video/quicktime" : "video/mp4";
            case MATROSKA -> webm(probe) ? "video/webm" : "video/x-matroska";
            default -> "video/ogg";
        };
        return new Inspected(AssetKind.VIDEO, type, probe.width(), probe.height(), probe.durationMs(),
                probe.hasAudio(), poster, "image/jpeg");
    }

    private Inspected audio(Path file, Container container, MediaInfo probe) throws IOException {
        if (probe.durationMs() <= 0) {
            throw notDecodable(container);
        }
        Path waveform = file.resolveSibling("thumbnail.png");
        String size = thumbnailSize + "x" + Math.max(16, thumbnailSize / 4);
        decode(container, command(container, file, List.of("-xerror"), List.of("-filter_complex",
                "[0:a:0]aformat=channel_layouts=mono,showwavespic=s=" + size + ":colors=0x7c5cff",
                "-frames:v", "1", "-update", "1", output(waveform))), waveform);
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

    /** Runs one ffmpeg decode; any failure, or no output where one was asked for, means not decodable. */
    private void decode(Container container, List<String> command, Path output) throws IOException {
        try {
            ffmpeg.run(command, timeout);
        } catch (FfmpegException e) {
            throw notDecodable(container);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding");
        }
        if (output != null && (!Files.isRegularFile(output) || Files.size(output) == 0)) {
            throw notDecodable(container);
        }
    }

    private static void await(FutureTask<Void> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decoding");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MediaRejected rejected) {
                throw rejected;
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Decodes the first frame with the JDK's reader, subsampled to thumbnail size so memory stays small. */
    private void readWholeFirstFrame(Path file, Container container) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notDecodable(container);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / thumbnailSize);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRejected rejected) {
                throw rejected;
            }
            throw notDecodable(container);
        }
    }

    private static boolean webm(MediaInfo probe) {
        return (probe.videoCodec() == null || WEBM_VIDEO.contains(probe.videoCodec()))
                && (probe.audioCodec() == null || WEBM_AUDIO.contains(probe.audioCodec()));
    }

    /** ffmpeg reading only local files, only through the sniffed demuxer and its decoders, within the limits. */
    private List<String> command(Container container, Path file, List<String> inputOptions,
            List<String> output) {
        List<String> command = new ArrayList<>(limits.inputOptions(container));
        command.add("-filter_threads");
        command.add("1");
        command.addAll(inputOptions);
        command.addAll(List.of("-protocol_whitelist", "file", "-f", container.demuxer(),
                "-i", "file:" + file.toAbsolutePath()));
        command.addAll(output);
        return command;
    }

    private static String output(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private String scale() {
        return "scale='min(" + thumbnailSize + ",iw)':'min(" + thumbnailSize + ",ih)'"
                + ":force_original_aspect_ratio=decrease";
    }

    private static MediaRejected notDecodable(Container container) {
        return MediaRejected.unsupported("The content starts like " + container.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + " but does not decode as one (truncated or corrupt?)");
    }
}
