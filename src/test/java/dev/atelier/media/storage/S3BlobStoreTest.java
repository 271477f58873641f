package dev.atelier.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.media.MediaProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

class S3BlobStoreTest extends BlobStoreContract {

    private static S3BlobStore store;

    @BeforeAll
    static void startS3() {
        store = BlobStoreConfiguration.s3(settings(S3MockServer.shared()));
    }

    @AfterAll
    static void closeClient() {
        store.close();
    }

    static MediaProperties.S3 settings(S3MockServer server) {
        return new MediaProperties.S3(S3MockServer.BUCKET, "us-east-1", server.endpoint(), true,
                "test-key", "test-secret", DataSize.ofMegabytes(5));
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void aPresignedUrlServesTheBytesWithTheAskedTypeAndDisposition() throws Exception {
        byte[] bytes = randomBytes(2000);
        String key = BlobKeys.content(UUID.randomUUID());
        store.put(key, file(bytes), "application/octet-stream");

        var url = store.presignedGet(key, Duration.ofMinutes(5), "image/png",
                "attachment; filename=\"cat.png\"").orElseThrow();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .header("Range", "bytes=0-9").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(java.util.Arrays.copyOf(bytes, 10));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"cat.png\"");
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndLeavesNothing() throws IOException {
        String key = BlobKeys.content(UUID.randomUUID());
        var spool = file(randomBytes(6 * 1024 * 1024));

        // claims more bytes than the file has: the second part cannot be read in full
        assertThatThrownBy(() -> store.putInParts(key, spool, 12 * 1024 * 1024, "video/mp4"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fewer bytes than the specified content-length");

        assertThat(store.size(key)).isEmpty();
        try (S3Client client = S3Client.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .endpointOverride(S3MockServer.shared().endpoint()).forcePathStyle(true)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                        .create("k", "s")).build()) {
            var uploads = client.listMultipartUploads(list -> list.bucket(S3MockServer.BUCKET).prefix(key));
            assertThat(uploads.uploads()).isEmpty();
            assertThat(uploads.commonPrefixes()).extracting(CommonPrefix::prefix).isEmpty();
        }
    }
}
