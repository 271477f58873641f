package dev.atelier.studio;

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
 */
@ConfigurationProperties("atelier.studio")
public record StudioProperties(@DefaultValue({}) List<String> mediaOrigins) {
}
