package dev.atelier.media.ingest;

import java.time.Duration;
import java.util.List;

/**
 * How big a picture, how long a recording and how many frames the library will decode, read from
 * the headers (ffprobe) before anything is decoded, and what each decoding process may use. The
 * defaults suit a 4K editor: 8192×8192 stills, 4096×2304 video (either orientation), 2 hours.
 *
 * @param decodeThreads threads per decoding ffmpeg: frame threading multiplies the frames in memory
 */
public record DecodeLimits(int maxImageWidth, int maxImageHeight, long maxImagePixels, int maxVideoWidth,
        int maxVideoHeight, Duration maxDuration, long maxVideoFrames, int decodeThreads) {

    public static final DecodeLimits DEFAULTS = new DecodeLimits(8192, 8192, 67_108_864, 4096, 2304,
            Duration.ofHours(2), 2 * 3600 * 120, 1);

    /** The decoders a still may use: one per accepted image format. */
    static final String IMAGE_DECODERS = "png,apng,mjpeg,gif,webp";
    /** The decoders video and sound may use: the codecs of the accepted containers, nothing exotic. */
    static final String AV_DECODERS = String.join(",", List.of(
            "h264", "libopenh264", "hevc", "vp8", "libvpx", "vp9", "libvpx-vp9", "av1", "libdav1d", "libaom-av1",
            "mpeg4", "prores", "theora", "mpeg1video", "mpeg2video", "mjpeg", "png",
            "aac", "aac_fixed", "aac_latm", "mp3float", "mp3", "mp2float", "mp2", "opus", "libopus", "vorbis",
            "libvorbis", "flac", "alac", "ac3", "eac3", "pcm_s16le", "pcm_s16be", "pcm_s24le", "pcm_s24be",
            "pcm_s32le", "pcm_s32be", "pcm_f32le", "pcm_f32be", "pcm_f64le", "pcm_u8", "pcm_s8", "pcm_alaw",
            "pcm_mulaw"));

    public DecodeLimits {
        if (maxImageWidth < 1 || maxImageHeight < 1 || maxImagePixels < 1 || maxVideoWidth < 1 || maxVideoHeight < 1
                || maxDuration.isNegative() || maxDuration.isZero() || maxVideoFrames < 1 || decodeThreads < 1) {
            throw new IllegalArgumentException("atelier.media decode limits must be positive");
        }
    }

    /** The largest single allocation a decoder needs for the largest allowed picture (8 bytes a pixel) and room. */
    long maxAllocation(boolean image) {
        long pixels = image ? Math.min(maxImagePixels, (long) maxImageWidth * maxImageHeight)
                : (long) maxVideoWidth * maxVideoHeight;
        return pixels * 8 + 16L * 1024 * 1024;
    }

    /** The ffmpeg/ffprobe input options that bound what decoding the file may cost. */
    List<String> inputOptions(Container container) {
        return List.of("-max_alloc", Long.toString(maxAllocation(container.image())),
                "-threads", Integer.toString(decodeThreads),
                "-codec_whitelist", container.image() ? IMAGE_DECODERS : AV_DECODERS);
    }

    boolean imageFits(int width, int height) {
        return width <= maxImageWidth && height <= maxImageHeight && (long) width * height <= maxImagePixels;
    }

    /** Either orientation: a portrait 2304×4096 video fits a 4096×2304 limit. */
    boolean videoFits(int width, int height) {
        int longLimit = Math.max(maxVideoWidth, maxVideoHeight);
        int shortLimit = Math.min(maxVideoWidth, maxVideoHeight);
        return Math.max(width, height) <= longLimit && Math.min(width, height) <= shortLimit;
    }
}
