package dev.atelier.media.storage;

import dev.atelier.media.MediaProperties;
import dev.atelier.platform.PlatformProperties;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Picks the blob store from {@code atelier.media.store}. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    MediaDirectories mediaDirectories(MediaProperties media, PlatformProperties platform) throws IOException {
        Path root = media.localDirectory() != null
                ? media.localDirectory().toAbsolutePath().normalize()
                : platform.dataDirectory().resolve("media");
        return new MediaDirectories(root);
    }

    @Bean
    BlobStore blobStore(MediaProperties properties, MediaDirectories directories) throws IOException {
        return switch (properties.store()) {
            case LOCAL -> new LocalBlobStore(directories.root());
            case S3 -> s3(properties.s3());
        };
    }

    static S3BlobStore s3(MediaProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("atelier.media.store=s3 needs atelier.media.s3.bucket");
        }
        Region region = Region.of(settings.region());
        AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        S3Configuration s3Configuration = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var client = S3Client.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration);
        var presigner = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(s3Configuration);
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
            presigner.endpointOverride(settings.endpoint());
        }
        return new S3BlobStore(client.build(), presigner.build(), settings.bucket(), settings.partSize().toBytes());
    }
}
