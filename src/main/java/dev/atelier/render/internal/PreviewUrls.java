package dev.atelier.render.internal;

import dev.atelier.platform.Hmac;
import dev.atelier.platform.Secrets;
import dev.atelier.render.RenderProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to a preview's playlist and segments (a player cannot send a bearer
 * token): {@code ?exp=<epoch s>&sig=<HMAC of preview, owner, expiry>}. The owner is inside the
 * signature and checked against the preview's owner when served, so a link is only ever valid
 * for the owner's own preview; an altered or expired link is refused.
 */
@Component
class PreviewUrls {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final Hmac hmac;
    private final RenderProperties properties;
    private final Clock clock;

    PreviewUrls(Secrets secrets, RenderProperties properties, Clock clock) {
        this.hmac = new Hmac(secrets.getOrCreate("render-url-key", null, 32).getBytes(StandardCharsets.UTF_8));
        this.properties = properties;
        this.clock = clock;
    }

    enum Verdict {
        VALID, INVALID, EXPIRED
    }

    /** The query string ({@code exp=…&sig=…}) shared by the playlist and its segments. */
    String query(UUID previewId, UUID ownerId) {
        long expires = (clock.instant().plus(properties.urlTtl()).getEpochSecond() + 299) / 300 * 300;
        return "exp=" + expires + "&sig=" + ENCODER.encodeToString(hmac.sign(message(previewId, ownerId, expires)));
    }

    String playlist(UUID previewId, UUID ownerId) {
        return "/previews/" + previewId + "/index.m3u8?" + query(previewId, ownerId);
    }

    Verdict verify(UUID previewId, UUID ownerId, String exp, String sig) {
        if (exp == null || sig == null || !DIGITS.matcher(exp).matches()) {
            return Verdict.INVALID;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        long expires = Long.parseLong(exp);
        if (!hmac.verify(message(previewId, ownerId, expires), given)) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() > expires ? Verdict.EXPIRED : Verdict.VALID;
    }

    private static String message(UUID previewId, UUID ownerId, long expires) {
        return "render-preview-v1\n" + previewId + "\n" + ownerId + "\n" + expires;
    }
}
