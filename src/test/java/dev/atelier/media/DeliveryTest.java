package dev.atelier.media;

import static dev.atelier.media.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@AtelierTest
@Import(TestUsers.class)
class DeliveryTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    MutableClock clock;

    TestUsers.TestUser user;
    JsonNode asset;
    byte[] bytes;

    @BeforeEach
    void uploadAJpeg() {
        user = users.signUp();
        bytes = Uploads.read(TestMedia.jpeg());
        asset = upload(api, user.accessToken(), "Été à Paris.jpg", bytes).json();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theContentEndpointRedirectsToASignedLinkThatServesTheBytes() {
        Api.Response redirect = api.get("/api/v1/assets/" + id() + "/content").bearer(user.accessToken()).send();
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Cache-Control")).isEqualTo("no-store");

        Api.Response served = get(redirect.header("Location"));

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(bytes);
        assertThat(served.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(served.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
        assertThat(served.header("ETag")).isEqualTo("\"" + asset.get("sha256").asString() + "\"");
        assertThat(served.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Cache-Control")).startsWith("max-age=").contains("private");
        assertThat(served.header("Content-Disposition")).isNull();
    }

    @Test
    void aDownloadLinkNamesTheFile() {
        Api.Response redirect = api.get("/api/v1/assets/" + id() + "/content?download=true").bearer(user.accessToken()).send();

        Api.Response served = get(redirect.header("Location"));

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Paris.jpg");
    }

    @Test
    void byteRangesAreServedAsPartialContent() {
        String url = url();
        int length = bytes.length;

        Api.Response first = get(url, "Range", "bytes=0-0");
        assertThat(first.status()).as(first.toString()).isEqualTo(206);
        assertThat(first.bytes()).containsExactly(bytes[0]);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-0/" + length);
        assertThat(first.header("Content-Type")).isEqualTo("image/jpeg");

        Api.Response suffix = get(url, "Range", "bytes=-500");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(bytes, length - 500, length));
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes " + (length - 500) + "-" + (length - 1) + "/" + length);

        Api.Response open = get(url, "Range", "bytes=100-");
        assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(bytes, 100, length));

        Api.Response pastTheEnd = get(url, "Range", "bytes=" + length + "-");
        assertThat(pastTheEnd.status()).isEqualTo(416);
        assertThat(pastTheEnd.header("Content-Range")).isEqualTo("bytes */" + length);

        Api.Response several = get(url, "Range", "bytes=0-9,20-29");
        assertThat(several.status()).isEqualTo(206);
        assertThat(several.header("Content-Type")).startsWith("multipart/byteranges");
        assertThat(several.text()).contains("Content-Range: bytes 0-9/" + length, "Content-Range: bytes 20-29/" + length);

        Api.Response malformed = get(url, "Range", "bytes=banana");
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.bytes()).isEqualTo(bytes);
    }

    @Test
    void conditionalRequestsUseTheContentHash() {
        String url = url();
        String etag = get(url).header("ETag");

        assertThat(get(url, "If-None-Match", etag).status()).isEqualTo(304);
        Api.Response stale = api.get(path(url)).header("Range", "bytes=0-9").header("If-Range", "\"other\"").send();
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.bytes()).isEqualTo(bytes);
        Api.Response fresh = api.get(path(url)).header("Range", "bytes=0-9").header("If-Range", etag).send();
        assertThat(fresh.status()).isEqualTo(206);
    }

    @Test
    void anAlteredLinkIsForbidden() {
        String url = url();
        String sig = url.replaceAll(".*sig=([^&]*).*", "$1");
        String exp = url.replaceAll(".*exp=([0-9]*).*", "$1");
        String otherId = upload(api, user.accessToken(), TestMedia.png()).json().get("id").asString();
        char flipped = sig.charAt(5) == 'A' ? 'B' : 'A';

        for (String altered : new String[] {
                url.replace(sig, sig.substring(0, 5) + flipped + sig.substring(6)),
                url.replace("exp=" + exp, "exp=" + (Long.parseLong(exp) + 3600)),
                url + "&download=1",
                url.replace("sig=" + sig, "sig="),
                url.replaceAll("&sig=[^&]*", ""),
                url.replace(id(), otherId),
                url.replace("sig=" + sig, "sig=%25%25")}) {
            Api.Response response = get(altered);
            assertThat(response.status()).as(altered).isEqualTo(403);
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_signature");
        }
    }

    @Test
    void aLinkStopsWorkingWhenItExpires() {
        String url = url();
        assertThat(get(url).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1).plusMinutes(6));

        Api.Response expired = get(url);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("code").asString()).isEqualTo("link_expired");
    }

    @Test
    void aValidLinkToADeletedAssetIsNotFound() {
        String url = url();
        api.delete("/api/v1/assets/" + id()).bearer(user.accessToken()).send();

        assertThat(get(url).status()).isEqualTo(404);
    }

    @Test
    void theThumbnailIsAScaledCopy() throws IOException {
        Api.Response redirect = api.get("/api/v1/assets/" + id() + "/thumbnail").bearer(user.accessToken()).send();
        assertThat(redirect.status()).isEqualTo(302);

        Api.Response thumbnail = get(redirect.header("Location"));

        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
        assertThat(thumbnail.header("ETag")).isNotEqualTo(get(url()).header("ETag"));
    }

    private String id() {
        return asset.get("id").asString();
    }

    private String url() {
        return asset.get("url").asString();
    }

    private Api.Response get(String url) {
        return api.get(path(url)).send();
    }

    private Api.Response get(String url, String header, String value) {
        return api.get(path(url)).header(header, value).send();
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
