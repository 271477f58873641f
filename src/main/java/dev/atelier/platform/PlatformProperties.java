package dev.atelier.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the platform kit.
 *
 * @param dataDir where everything Atelier keeps on this machine lives (embedded database,
 *     local media, generated keys); relative paths are resolved against the working directory
 * @param database an external PostgreSQL; when {@code url} is blank an embedded one is started
 * @param maxJsonBody the largest JSON (non-multipart) request body accepted
 * @param cursorSecret key that signs pagination cursors; generated into the data directory when blank
 * @param publicUrl the base every absolute link Atelier hands out is built on (e.g.
 *     {@code https://atelier.example.com}); blank means relative links. Never the request's Host header
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code Forwarded} /
 *     {@code X-Forwarded-For} headers are believed; from anyone else those headers are ignored
 * @param bodyMinRate the slowest a request body (JSON or upload) may arrive, per second, averaged
 *     from the start of the body after a grace of 10 s; slower clients get 408
 * @param bodyMaxTime the longest any request body may take to arrive
 * @param ffmpeg limits of the ffmpeg and ffprobe processes this node runs
 */
@ConfigurationProperties("atelier")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Database database,
        @DefaultValue("1MB") DataSize maxJsonBody,
        String cursorSecret,
        URI publicUrl,
        @DefaultValue({}) List<String> trustedProxies,
        @DefaultValue("8KB") DataSize bodyMinRate,
        @DefaultValue("1h") Duration bodyMaxTime,
        @DefaultValue FfmpegLimits ffmpeg) {

    /**
     * @param maxProcesses ffmpeg/ffprobe processes this node runs at once (more wait their turn);
     *     0 means one per core, at least 2
     */
    public record FfmpegLimits(@DefaultValue("0") int maxProcesses) {

        public int processes() {
            return maxProcesses > 0 ? maxProcesses : Math.max(2, Runtime.getRuntime().availableProcessors());
        }
    }

    /** {@link #publicUrl} without a trailing slash, or "" (relative links) when not configured. */
    public String linkBase() {
        if (publicUrl == null) {
            return "";
        }
        String text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param url JDBC URL of an external PostgreSQL; blank means embedded
     * @param embeddedPort port of the embedded PostgreSQL, 0 for any free port
     * @param maxPoolSize largest number of pooled connections
     */
    public record Database(
            String url,
            String username,
            String password,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("true") boolean embeddedDurable,
            @DefaultValue("20") int maxPoolSize) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** The data directory as an absolute, normalized path. */
    public Path dataDirectory() {
        return dataDir.toAbsolutePath().normalize();
    }
}
