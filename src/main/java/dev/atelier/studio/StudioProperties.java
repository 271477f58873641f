package dev.atelier.studio;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web pages.
 *
 * @param mediaOrigins origins (e.g. {@code https://bucket.s3.eu-west-1.amazonaws.com}) besides this
 *     server that pages may load images, sound and video from: where signed media links point when
 *     they are not on this server (an S3 store's presigned URLs, {@code atelier.media.public-url}).
 *     Added to the Content-Security-Policy's {@code img-src}, {@code media-src} and {@code connect-src}.
 * @param autosaveDelay how long after the last change the editor saves a project by itself; 0 turns
 *     autosave off (the Save button and the warning before leaving with unsaved changes stay)
 */
@ConfigurationProperties("atelier.studio")
public record StudioProperties(@DefaultValue({}) List<String> mediaOrigins,
        @DefaultValue("3s") Duration autosaveDelay) {
}
