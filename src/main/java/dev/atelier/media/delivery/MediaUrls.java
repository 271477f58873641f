package dev.atelier.media.delivery;

import dev.atelier.media.Asset;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.platform.Hmac;
import dev.atelier.platform.Secrets;
import dev.atelier.platform.PlatformProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to an asset's bytes. With the local store they point at
 * {@code /media/<id>[/thumbnail]?exp=<epoch seconds>&sig=<HMAC>[&download=1]}, the signature
 * covering the asset, the variant, the expiry and the download flag, so no part can be changed;
 * with S3 they are presigned GETs straight to the bucket. The expiry is rounded up to the next
 * five minutes so repeated listings hand out the same URL and browsers can cache it. Links are
 * built on {@code atelier.public-url} (or {@code atelier.media.public-url}), else relative.
 */
@Component
public class MediaUrls {

    private static final long ROUND_SECONDS = 300;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Hmac hmac;
    private final BlobStore store;
    private final Clock clock;
    private final Duration ttl;
    private final String base;

    MediaUrls(MediaProperties properties, PlatformProperties platform, Secrets secrets, BlobStore store,
            Clock clock) {
        this.hmac = new Hmac(secrets.getOrCreate("media-url-key", properties.urlSecret(), 32)
                .getBytes(StandardCharsets.UTF_8));
        this.store = store;
        this.clock = clock;
        this.ttl = properties.urlTtl();
        // a configured base, else relative links: never the request's Host header, which the client chooses
        this.base = properties.publicUrl() != null ? trimmed(properties.publicUrl()) : platform.linkBase();
    }

    public enum Variant {
        CONTENT, THUMBNAIL
    }

    /** Why a signed request is refused, or that it is fine. */
    public enum Verdict {
        VALID, INVALID, EXPIRED
    }

    public URI content(Asset asset, boolean download) {
        return link(asset, Variant.CONTENT, download, asset.mediaType());
    }

    public Optional<URI> thumbnail(Asset asset) {
        return asset.hasThumbnail()
                ? Optional.of(link(asset, Variant.THUMBNAIL, false, asset.thumbnailType()))
                : Optional.empty();
    }

    private URI link(Asset asset, Variant variant, boolean download, String contentType) {
        Instant now = clock.instant();
        long expires = roundUp(now.plus(ttl).getEpochSecond());
        String key = variant == Variant.CONTENT ? BlobKeys.content(asset.id()) : BlobKeys.thumbnail(asset.id());
        String disposition = download ? Downloads.attachment(asset) : null;
        Optional<URI> direct = store.presignedGet(key, Duration.ofSeconds(expires - now.getEpochSecond()),
                contentType, disposition);
        if (direct.isPresent()) {
            return direct.get();
        }
        String path = "/media/" + asset.id() + (variant == Variant.THUMBNAIL ? "/thumbnail" : "")
                + "?exp=" + expires + "&sig=" + sign(asset.id(), variant, expires, download)
                + (download ? "&download=1" : "");
        return URI.create(base + path);
    }

    /** Checks the signature first (a forged link learns nothing), then the expiry. Fails closed. */
    public Verdict verify(UUID assetId, Variant variant, String exp, String sig, String download) {
        if (exp == null || sig == null || !DIGITS.matcher(exp).matches() || (download != null && !download.equals("1"))) {
            return Verdict.INVALID;
        }
        byte[] given;
        try {
            given = DECODER.decode(sig);
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        long expires = Long.parseLong(exp);
        if (!hmac.verify(message(assetId, variant, expires, download != null), given)) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() > expires ? Verdict.EXPIRED : Verdict.VALID;
    }

    /** Seconds until a verified link expires, for the cache lifetime of what it serves. */
    public long secondsLeft(String exp) {
        return Math.max(0, Long.parseLong(exp) - clock.instant().getEpochSecond());
    }

    private String sign(UUID assetId, Variant variant, long expires, boolean download) {
        return ENCODER.encodeToString(hmac.sign(message(assetId, variant, expires, download)));
    }

    private static String message(UUID assetId, Variant variant, long expires, boolean download) {
        return "media-v1\n" + assetId + "\n" + variant.name() + "\n" + expires + "\n" + (download ? "1" : "0");
    }

    private static long roundUp(long epochSeconds) {
        return (epochSeconds + ROUND_SECONDS - 1) / ROUND_SECONDS * ROUND_SECONDS;
    }

    private static String trimmed(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
