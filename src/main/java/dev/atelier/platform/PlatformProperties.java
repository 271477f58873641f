package dev.atelier.platform;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("atelier")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Database database,
        @DefaultValue("1MB") DataSize maxJsonBody,
        String cursorSecret) {

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
