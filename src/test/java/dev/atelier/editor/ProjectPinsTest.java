package dev.atelier.editor;

import static dev.atelier.editor.EditorClient.clip;
import static dev.atelier.editor.EditorClient.videoOnly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.Assets;
import dev.atelier.media.TestMedia;
import dev.atelier.media.library.MediaRetention;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A timeline's assets outlive their expiry while a project uses them, and only then. */
@AtelierTest
class ProjectPinsTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    Assets assets;
    @Autowired
    MediaRetention retention;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    EditorClient editor;
    String token;

    @BeforeEach
    void setUp() {
        editor = new EditorClient(api);
        token = users.signUp().accessToken();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void retentionKeepsWhatATimelineUsesAndRemovesWhatAnEditDropped() {
        UUID kept = editor.upload(token, TestMedia.png()).id();
        UUID dropped = editor.upload(token, TestMedia.png(320, 240)).id();
        UUID unused = editor.upload(token, TestMedia.png(200, 200)).id();
        UUID id = editor.created(token, "pinned");
        editor.save(token, id, videoOnly(clip("a", kept, 0, 1000), clip("b", dropped, 1000, 1000)));
        assertThat(holders(kept)).containsExactly("project:" + id);

        editor.save(token, id, videoOnly(clip("a", kept, 0, 2000)));
        clock.advance(Duration.ofDays(8));
        retention.run();

        assertThat(assets.find(kept)).isPresent();
        assertThat(assets.find(dropped)).isEmpty();
        assertThat(assets.find(unused)).isEmpty();
    }

    @Test
    void aPinnedAssetCannotBeDeletedUntilTheProjectIsGone() {
        UUID asset = editor.upload(token, TestMedia.png()).id();
        UUID id = editor.created(token, "in use");
        editor.save(token, id, videoOnly(clip("a", asset, 0, 1000)));

        Api.Response refused = api.delete("/api/v1/assets/" + asset).bearer(token).send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("asset_in_use");

        assertThat(api.delete("/api/v1/projects/" + id).bearer(token).send().status()).isEqualTo(204);
        assertThat(holders(asset)).isEmpty();
        assertThat(api.delete("/api/v1/assets/" + asset).bearer(token).send().status()).isEqualTo(204);
    }

    @Test
    void aDuplicateHoldsItsOwnPinsSoDeletingTheOriginalKeepsTheAssets() {
        UUID asset = editor.upload(token, TestMedia.png()).id();
        UUID original = editor.created(token, "original");
        editor.save(token, original, videoOnly(clip("a", asset, 0, 1000)));
        UUID copy = UUID.fromString(api.post("/api/v1/projects/" + original + "/duplicate").bearer(token).send()
                .json().get("id").asString());
        assertThat(holders(asset)).containsExactlyInAnyOrder("project:" + original, "project:" + copy);

        api.delete("/api/v1/projects/" + original).bearer(token).send();
        clock.advance(Duration.ofDays(8));
        retention.run();

        assertThat(holders(asset)).containsExactly("project:" + copy);
        assertThat(assets.find(asset)).isPresent();
    }

    @Test
    void aRefusedTimelinePinsNothing() {
        UUID asset = editor.upload(token, TestMedia.png()).id();
        UUID id = editor.created(token, "refused");

        Api.Response refused = editor.put(token, id, "\"1\"", videoOnly(clip("a", asset, 0, 1000),
                clip("b", asset, 500, 1000)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(holders(asset)).isEmpty();
    }

    private List<String> holders(UUID asset) {
        return jdbc.sql("select holder from media_asset_pins where asset_id = :id order by holder")
                .param("id", asset).query(String.class).list();
    }
}
