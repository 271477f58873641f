package dev.atelier.media;

import static dev.atelier.media.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.media.storage.MediaDirectories;
import dev.atelier.media.storage.S3MockServer;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The whole library on the S3 store (s3mock): links are presigned GETs straight to the bucket. */
@AtelierTest
@Import(TestUsers.class)
class S3LibraryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("atelier.media.store", () -> "s3");
        registry.add("atelier.media.s3.bucket", () -> S3MockServer.BUCKET);
        registry.add("atelier.media.s3.endpoint", () -> S3MockServer.shared().endpoint().toString());
        registry.add("atelier.media.s3.path-style", () -> "true");
        registry.add("atelier.media.s3.access-key", () -> "test-key");
        registry.add("atelier.media.s3.secret-key", () -> "test-secret");
    }

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    BlobStore store;
    @Autowired
    MediaDirectories directories;

    @Test
    void uploadsLandInTheBucketAndAreServedFromIt() throws Exception {
        TestUsers.TestUser user = users.signUp();
        byte[] bytes = Uploads.read(TestMedia.mp4());

        Api.Response uploaded = upload(api, user.accessToken(), "clip.mp4", bytes);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode asset = uploaded.json();
        UUID id = UUID.fromString(asset.get("id").asString());
        assertThat(store.size(BlobKeys.content(id))).contains((long) bytes.length);
        assertThat(store.size(BlobKeys.thumbnail(id))).isPresent();
        assertThat(MediaFolders.blobs(directories)).isEmpty();
        assertThat(MediaFolders.spool(directories)).isEmpty();

        URI presigned = URI.create(api.get("/api/v1/assets/" + id + "/content").bearer(user.accessToken()).send()
                .header("Location"));
        assertThat(presigned.toString()).startsWith(S3MockServer.shared().endpoint().toString()).contains("X-Amz-Signature");
        HttpResponse<byte[]> whole = fetch(presigned, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        HttpResponse<byte[]> range = fetch(presigned, "bytes=-500");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 500, bytes.length));

        URI download = URI.create(api.get("/api/v1/assets/" + id + "/content?download=true")
                .bearer(user.accessToken()).send().header("Location"));
        assertThat(fetch(download, null).headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;").contains("clip.mp4"));

        assertThat(api.delete("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(204);
        assertThat(store.size(BlobKeys.content(id))).isEmpty();
        assertThat(store.size(BlobKeys.thumbnail(id))).isEmpty();
    }

    @Test
    void aRejectedUploadLeavesNothingInTheBucket() throws IOException {
        TestUsers.TestUser user = users.signUp();
        java.util.List<String> before = new java.util.ArrayList<>();
        store.listOlderThan(BlobKeys.CONTENT, java.time.Instant.MAX, before::addAll);

        Api.Response response = upload(api, user.accessToken(), "x.png",
                Uploads.read(TestMedia.truncated(TestMedia.png(), 0.5)));

        assertThat(response.status()).isEqualTo(415);
        java.util.List<String> after = new java.util.ArrayList<>();
        store.listOlderThan(BlobKeys.CONTENT, java.time.Instant.MAX, after::addAll);
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }

    private static HttpResponse<byte[]> fetch(URI uri, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
