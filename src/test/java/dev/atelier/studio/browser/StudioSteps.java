package dev.atelier.studio.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import java.nio.file.Path;
import java.util.UUID;

/** Steps on the studio's other pages that the editor's flow passes through. */
final class StudioSteps {

    private StudioSteps() {
    }

    /** A local/sketch image, generated; answers its asset id. */
    static UUID generateSketch(Browser browser, Api api, String token) {
        Api.Response upload = Uploads.upload(api, token, dev.atelier.media.TestMedia.png());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        return UUID.fromString(upload.json().get("id").asString());
    }

    /** A file uploaded into the library; answers its asset id. */
    static UUID upload(Browser browser, Api api, String token, Path file) {
        Api.Response upload = Uploads.upload(api, token, file);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        return UUID.fromString(upload.json().get("id").asString());
    }
}
