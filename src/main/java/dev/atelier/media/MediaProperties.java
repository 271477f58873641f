package dev.atelier.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the media library.
 *
 * @param store where blobs live: {@code local} (a directory) or {@code s3} (an S3-compatible bucket)
 * @param localDirectory root of the local store; blank means {@code <dataDir>/media}
 * @param s3 the bucket, when {@code store} is {@code s3}
 * @param limits the largest upload of each kind
 * @param quota the most bytes one user may keep (uploads are refused past it)
 * @param uploadRetention how long an upload is kept when nothing pins it
 * @param urlTtl how long a signed content URL stays valid
 * @param urlSecret key that signs content URLs; generated into the data directory when blank
 *     (a multi-node install must set it)
 * @param publicUrl base URL signed links are made absolute with (e.g. {@code https://media.example.com});
 *     blank means {@code atelier.public-url}, and with neither links are relative
 * @param retentionInterval how often expired assets, orphan blobs and stale spool folders are removed
 * @param orphanAge how old a blob no asset owns (or a spool folder, or an unfinished upload's
 *     reservation) must be before it is removed
 * @param thumbnailSize the longest side of a thumbnail, in pixels
 * @param maxImagePixels images with more pixels than this are refused before decoding
 * @param toolTimeout how long one ffprobe/ffmpeg run may take
 * @param maxImageSize the largest still, {@code WIDTHxHEIGHT}, refused from its header before decoding
 * @param maxVideoSize the largest video frame, {@code WIDTHxHEIGHT} (either orientation), likewise
 * @param maxDuration the longest video or sound accepted, likewise
 * @param maxVideoFrames the most frames a video may have, likewise
 * @param uploadsPerUser uploads one user may have in flight at once on a node; more are 429
 */
@ConfigurationProperties("atelier.media")
public record MediaProperties(
        @DefaultValue("local") StoreType store,
        Path localDirectory,
        @DefaultValue S3 s3,
        @DefaultValue Limits limits,
        @DefaultValue("5GB") DataSize quota,
        @DefaultValue("7d") Duration uploadRetention,
        @DefaultValue("1h") Duration urlTtl,
        String urlSecret,
        URI publicUrl,
        @DefaultValue("15m") Duration retentionInterval,
        @DefaultValue("1h") Duration orphanAge,
        @DefaultValue("320") int thumbnailSize,
        @DefaultValue("67108864") long maxImagePixels,
        @DefaultValue("2m") Duration toolTimeout,
        @DefaultValue("8192x8192") String maxImageSize,
        @DefaultValue("4096x2304") String maxVideoSize,
        @DefaultValue("2h") Duration maxDuration,
        @DefaultValue("864000") long maxVideoFrames,
        @DefaultValue("2") int uploadsPerUser) {

    /** The decode limits as the ingest pipeline uses them. */
    public dev.atelier.media.ingest.DecodeLimits decodeLimits() {
        int[] image = size(maxImageSize, "max-image-size");
        int[] video = size(maxVideoSize, "max-video-size");
        return new dev.atelier.media.ingest.DecodeLimits(image[0], image[1], maxImagePixels, video[0], video[1],
                maxDuration, maxVideoFrames, 1);
    }

    private static int[] size(String text, String name) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("[x×]");
        try {
            return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("atelier.media." + name + " looks like 4096x2304, not " + text);
        }
    }

    public enum StoreType { LOCAL, S3 }

    /**
     * @param endpoint the S3 API endpoint; blank means AWS itself (from the region)
     * @param pathStyle address buckets as {@code endpoint/bucket/key} (MinIO, s3mock, most self-hosted)
     * @param accessKey blank means the AWS default credential chain
     * @param partSize size of one part of a multipart upload (at least 5 MB); larger files go in parts
     */
    public record S3(
            String bucket,
            @DefaultValue("us-east-1") String region,
            URI endpoint,
            @DefaultValue("false") boolean pathStyle,
            String accessKey,
            String secretKey,
            @DefaultValue("16MB") DataSize partSize) {
    }

    /** The largest upload of each kind. */
    public record Limits(
            @DefaultValue("10MB") DataSize image,
            @DefaultValue("25MB") DataSize audio,
            @DefaultValue("500MB") DataSize video) {

        public long of(AssetKind kind) {
            return switch (kind) {
                case IMAGE -> image.toBytes();
                case AUDIO -> audio.toBytes();
                case VIDEO -> video.toBytes();
            };
        }

        public long largest() {
            return Math.max(image.toBytes(), Math.max(audio.toBytes(), video.toBytes()));
        }
    }
}
