package dev.atelier.media;

import static dev.atelier.media.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@AtelierTest
@Import(TestUsers.class)
class LibraryTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    Assets assets;
    @Autowired
    BlobStore store;

    TestUsers.TestUser user;

    @BeforeEach
    void signUp() {
        user = users.signUp();
    }

    @Test
    void theLibraryListsNewestFirstInPagesAndFiltersByKindAndOrigin() {
        String png = uploaded(TestMedia.png());
        String wav = uploaded(TestMedia.wav());
        String jpeg = uploaded(TestMedia.jpeg());
        String mp4 = uploaded(TestMedia.mp4());

        JsonNode first = api.get("/api/v1/assets?limit=3").bearer(user.accessToken()).send().json();
        assertThat(ids(first)).containsExactly(mp4, jpeg, wav);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = api.get("/api/v1/assets?limit=3&cursor=" + first.get("nextCursor").asString())
                .bearer(user.accessToken()).send().json();
        assertThat(ids(second)).containsExactly(png);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        assertThat(second.has("nextCursor")).isFalse();

        assertThat(ids(list("?kind=image"))).containsExactly(jpeg, png);
        assertThat(ids(list("?kind=audio&origin=upload"))).containsExactly(wav);
        assertThat(ids(list("?origin=generation"))).isEmpty();
    }

    @Test
    void badFiltersAndForeignCursorsAreBadRequests() {
        uploaded(TestMedia.png());
        uploaded(TestMedia.png());
        String cursor = list("?limit=1").get("nextCursor").asString();

        Api.Response kind = api.get("/api/v1/assets?kind=document").bearer(user.accessToken()).unvalidatedRequest().send();
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("code").asString()).isEqualTo("invalid_parameter");
        Api.Response otherFilter = api.get("/api/v1/assets?kind=image&cursor=" + cursor).bearer(user.accessToken()).send();
        assertThat(otherFilter.json().get("code").asString()).isEqualTo("invalid_cursor");
        Api.Response otherUser = api.get("/api/v1/assets?cursor=" + cursor).bearer(users.signUp().accessToken()).send();
        assertThat(otherUser.json().get("code").asString()).isEqualTo("invalid_cursor");
    }

    @Test
    void anotherUsersAssetDoesNotExistForYou() {
        String id = uploaded(TestMedia.png());
        String stranger = users.signUp().accessToken();

        for (Api.Call call : List.of(api.get("/api/v1/assets/" + id), api.delete("/api/v1/assets/" + id),
                api.get("/api/v1/assets/" + id + "/content"), api.get("/api/v1/assets/" + id + "/thumbnail"))) {
            Api.Response response = call.bearer(stranger).send();
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("not_found");
        }
        assertThat(api.get("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(200);
        assertThat(list("").get("data")).hasSize(1);
        assertThat(api.get("/api/v1/assets").bearer(stranger).send().json().get("data")).isEmpty();
    }

    @Test
    void deletingRemovesTheBlobsAndGivesTheBytesBack() throws IOException {
        JsonNode asset = upload(api, user.accessToken(), TestMedia.png()).json();
        UUID id = UUID.fromString(asset.get("id").asString());
        assertThat(storage().get("usedBytes").asLong()).isEqualTo(asset.get("bytes").asLong());

        assertThat(api.delete("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(204);

        assertThat(store.size(BlobKeys.content(id))).isEmpty();
        assertThat(store.size(BlobKeys.thumbnail(id))).isEmpty();
        assertThat(api.get("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(404);
        assertThat(storage().get("usedBytes").asLong()).isZero();
    }

    @Test
    void aPinnedAssetCannotBeDeletedUntilEveryHolderLetsGo() {
        UUID id = UUID.fromString(uploaded(TestMedia.png()));
        assets.pin(id, "project:one");
        assets.pin(id, "project:one");
        assets.pin(id, "project:two");

        Api.Response refused = api.delete("/api/v1/assets/" + id).bearer(user.accessToken()).send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("asset_in_use");

        assets.unpin(id, "project:one");
        assertThat(api.delete("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(409);
        assets.unpin(id, "project:two");
        assertThat(api.delete("/api/v1/assets/" + id).bearer(user.accessToken()).send().status()).isEqualTo(204);
        assertThatThrownBy(() -> assets.pin(id, "project:one")).hasMessageContaining("not found");
    }

    @Test
    void otherModulesStoreOutputsThatAreKeptAndListedByOrigin() throws IOException {
        Asset output = assets.store(NewAsset.generated(user.id(), AssetKind.VIDEO, "dream.mp4"), TestMedia.mp4());

        assertThat(output.origin()).isEqualTo(AssetOrigin.GENERATION);
        assertThat(output.expiresAt()).isNull();
        assertThat(output.durationMs()).isPositive();
        assertThat(ids(list("?origin=generation"))).containsExactly(output.id().toString());
        try (var in = assets.open(output)) {
            assertThat(in.readAllBytes()).isEqualTo(Uploads.read(TestMedia.mp4()));
        }
        assertThatThrownBy(() -> assets.store(NewAsset.generated(user.id(), AssetKind.VIDEO, "x"), TestMedia.png()))
                .isInstanceOfSatisfying(MediaRejected.class, e ->
                        assertThat(e.reason()).isEqualTo(MediaRejected.Reason.UNSUPPORTED_MEDIA));
    }

    @Test
    void aReadOnlyKeyMayListButNotDelete() {
        String id = uploaded(TestMedia.png());
        String readOnly = users.apiKey(user, "library:read");

        assertThat(api.get("/api/v1/assets").bearer(readOnly).send().status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/assets/" + id).bearer(readOnly).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/assets").bearer(users.apiKey(user, "generate")).send().status()).isEqualTo(403);
    }

    private String uploaded(java.nio.file.Path file) {
        Api.Response response = upload(api, user.accessToken(), file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private JsonNode list(String query) {
        Api.Response response = api.get("/api/v1/assets" + query).bearer(user.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode storage() {
        return api.get("/api/v1/storage").bearer(user.accessToken()).send().json();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false).map(a -> a.get("id").asString()).toList();
    }
}
