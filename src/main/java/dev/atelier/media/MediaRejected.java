package dev.atelier.media;

import dev.atelier.platform.ApiException;
import org.springframework.http.HttpStatus;

/** Content the library will not keep, and why; a problem response as it stands. */
public final class MediaRejected extends ApiException {

    public enum Reason {
        FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "file_too_large"),
        STORAGE_QUOTA_EXCEEDED(HttpStatus.CONTENT_TOO_LARGE, "storage_quota_exceeded"),
        UNSUPPORTED_MEDIA(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media");

        private final HttpStatus status;
        private final String code;

        Reason(HttpStatus status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    private final Reason reason;

    private MediaRejected(Reason reason, String message) {
        super(reason.status, reason.code, message);
        this.reason = reason;
    }

    public static MediaRejected tooLarge(AssetKind kind, long limit) {
        return (MediaRejected) new MediaRejected(Reason.FILE_TOO_LARGE,
                (kind == AssetKind.VIDEO ? "A " : "An ") + kind.value() + " file may be at most "
                        + Sizes.human(limit))
                .with("kind", kind.value()).with("limit", limit);
    }

    public static MediaRejected tooLarge(long limit) {
        return (MediaRejected) new MediaRejected(Reason.FILE_TOO_LARGE,
                "No file may be larger than " + Sizes.human(limit)).with("limit", limit);
    }

    public static MediaRejected overQuota(long quota, long used) {
        return (MediaRejected) new MediaRejected(Reason.STORAGE_QUOTA_EXCEEDED,
                "This would take your storage past its quota of " + Sizes.human(quota)
                        + "; delete something first")
                .with("quota", quota).with("used", used);
    }

    public static MediaRejected unsupported(String detail) {
        return new MediaRejected(Reason.UNSUPPORTED_MEDIA, detail
                + ". Images may be PNG, JPEG, GIF or WebP; video MP4, QuickTime, WebM or Matroska;"
                + " audio MP3, WAV, FLAC, Ogg, Opus, AAC or M4A");
    }

    public Reason reason() {
        return reason;
    }
}
