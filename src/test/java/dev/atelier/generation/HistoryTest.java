package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.doneNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/generations}: the caller's own history, newest first, by cursor, filtered. */
@GenerationApiTest
class HistoryTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    JdbcClient jdbc;

    TestUser user;

    @BeforeEach
    void signUp() {
        user = users.signUp();
    }

    @Test
    void pagesAreNewestFirstWithoutOverlapOrGapsEvenWhenTimesTie() {
        Map<UUID, Instant> stored = new LinkedHashMap<>();
        for (int i = 0; i < 23; i++) {
            Instant at = START.plusSeconds(i / 3); // three at a time share a creation time
            stored.put(store(PastGeneration.of("local/sketch", "picture " + i).at(at)), at);
        }
        // PostgreSQL orders uuids by their bytes, unsigned: as their hex text, not as Java's signed longs
        List<String> newestFirst = stored.entrySet().stream()
                .sorted(Comparator.<Map.Entry<UUID, Instant>, Instant>comparing(Map.Entry::getValue)
                        .thenComparing(entry -> entry.getKey().toString()).reversed())
                .map(entry -> entry.getKey().toString()).toList();

        assertThat(walk("", 5)).containsExactlyElementsOf(newestFirst);
        assertThat(walk("", 23)).containsExactlyElementsOf(newestFirst);
        assertThat(walk("", 100)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersByKindStatusAndModel() {
        UUID sketch = store(PastGeneration.of("local/sketch", "a red barn").at(START));
        UUID failedTune = store(PastGeneration.of("local/tune", "a sad waltz").status("failed").at(START.plusSeconds(1)));
        UUID tune = store(PastGeneration.of("local/tune", "a happy march").at(START.plusSeconds(2)));
        UUID voice = store(PastGeneration.of("local/voice", "hello there").at(START.plusSeconds(3)));
        UUID clip = store(PastGeneration.of("local/motion", "a harbour").status("running").at(START.plusSeconds(4)));

        assertThat(walk("kind=music", 1)).containsExactly(ids(tune, failedTune));
        assertThat(walk("status=failed", 1)).containsExactly(ids(failedTune));
        assertThat(walk("status=running", 1)).containsExactly(ids(clip));
        assertThat(walk("model=local/voice", 1)).containsExactly(ids(voice));
        assertThat(walk("kind=image", 1)).containsExactly(ids(sketch));
        assertThat(walk("kind=music&status=succeeded", 1)).containsExactly(ids(tune));
        assertThat(walk("kind=video&status=succeeded", 1)).isEmpty();
    }

    @Test
    void textSearchFindsWholeWordsOfThePromptInAnyCase() {
        UUID lighthouse = store(PastGeneration.of("local/sketch", "A Red Lighthouse on a cliff").at(START));
        UUID both = store(PastGeneration.of("local/sketch", "lighthouse keeper, red coat").at(START.plusSeconds(1)));
        store(PastGeneration.of("local/sketch", "a blue lighthouse").at(START.plusSeconds(2)));
        store(PastGeneration.of("local/sketch", "redwood forest").at(START.plusSeconds(3)));

        assertThat(walk("q=" + encode("red lighthouse"), 1)).containsExactly(ids(both, lighthouse));
        assertThat(walk("q=LIGHTHOUSE", 2)).hasSize(3);
        assertThat(walk("q=red&kind=image", 1)).containsExactly(ids(both, lighthouse));
        // the 'simple' configuration does not stem: a plural is another word
        assertThat(walk("q=lighthouses", 10)).isEmpty();
    }

    @Test
    void aCursorOnlyContinuesTheListItCameFrom() {
        for (int i = 0; i < 4; i++) {
            store(PastGeneration.of(i % 2 == 0 ? "local/sketch" : "local/tune", "item " + i).at(START.plusSeconds(i)));
        }
        String cursor = page("limit=1").get("nextCursor").asString();

        assertThat(list("limit=1&cursor=" + cursor).status()).isEqualTo(200);
        assertInvalidCursor(list("limit=1&kind=music&cursor=" + cursor));
        assertInvalidCursor(list("limit=1&q=item&cursor=" + cursor));
        assertInvalidCursor(list("limit=1&cursor=" + tampered(cursor)));
        TestUser other = users.signUp();
        assertInvalidCursor(api.get("/api/v1/generations?limit=1&cursor=" + cursor).bearer(other.accessToken()).send());
    }

    @Test
    void badLimitsAndStatusesAre400() {
        assertThat(invalid("limit=101").json().get("code").asString()).isEqualTo("invalid_limit");
        assertThat(invalid("limit=0").status()).isEqualTo(400);
        Api.Response status = invalid("status=done");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("code").asString()).isEqualTo("invalid_parameter");
    }

    @Test
    void anotherUsersHistoryIsInvisible() {
        TestUser other = users.signUp();
        UUID mine = store(PastGeneration.of("local/sketch", "my secret garden").at(START));
        UUID theirs = PastGeneration.of("local/sketch", "their secret garden").at(START).storeFor(other.id(), jdbc);

        assertThat(walk("", 10)).containsExactly(ids(mine));
        assertThat(walk("q=secret", 10)).containsExactly(ids(mine));
        assertThat(walk("model=local/sketch", 10)).doesNotContain(theirs.toString());
    }

    @Test
    void aSubmittedJobLeadsTheHistoryWithItsOutputsOnceDone() {
        store(PastGeneration.of("local/sketch", "an old one").at(Instant.now().minus(Duration.ofDays(1))));
        NewGeneration request = NewGeneration.scripted("fresh");
        provider.script(request.prompt(), doneNow());
        String id = generations.submitted(user, request);
        generations.awaitStatus(user, id, "succeeded");

        JsonNode first = page("limit=1").get("data").get(0);

        assertThat(first.get("id").asString()).isEqualTo(id);
        assertThat(first.get("outputs").get(0).get("url").asString()).contains("sig=");
        assertThat(first.get("cost").get("charged").asLong()).isEqualTo(ScriptedProvider.PRICE);
    }

    private UUID store(PastGeneration generation) {
        return generation.storeFor(user.id(), jdbc);
    }

    private static String[] ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
    }

    /** Every id of the list by following its cursors, checking each page's shape on the way. */
    private List<String> walk(String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = page(query + (query.isEmpty() ? "" : "&") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("data").size()).isLessThanOrEqualTo(limit);
            page.get("data").forEach(g -> ids.add(g.get("id").asString()));
            if (!page.get("hasMore").asBoolean()) {
                assertThat(page.get("nextCursor")).isNull();
                return ids;
            }
            assertThat(page.get("data").size()).isEqualTo(limit);
            cursor = page.get("nextCursor").asString();
        }
        throw new AssertionError("the list never ended");
    }

    private JsonNode page(String query) {
        Api.Response response = list(query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Api.Response list(String query) {
        return api.get("/api/v1/generations?" + query).bearer(user.accessToken()).send();
    }

    /** A query the API description forbids, sent on purpose. */
    private Api.Response invalid(String query) {
        return api.get("/api/v1/generations?" + query).bearer(user.accessToken()).unvalidatedRequest().send();
    }

    /**
     * One character of the signature changed. Not the last: the last of a base64 text carries
     * fewer bits than it could (decoders ignore the rest), so a new last character can leave the
     * signature as it was — replacing the last two made this test fail once in 256 runs.
     */
    private static String tampered(String cursor) {
        int at = cursor.length() - 5;
        char replacement = cursor.charAt(at) == 'A' ? 'B' : 'A';
        return cursor.substring(0, at) + replacement + cursor.substring(at + 1);
    }

    private static void assertInvalidCursor(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_cursor");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
