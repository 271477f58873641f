package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.accepted;
import static dev.atelier.generation.ScriptedProvider.done;
import static dev.atelier.generation.ScriptedProvider.doneNow;
import static dev.atelier.generation.ScriptedProvider.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.generation.internal.GenerationTestAccess;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/events}: a user's own job updates as Server-Sent Events, with heartbeats,
 * opened the way a browser's EventSource must, with the access token in the query.
 * (Heartbeats come every 200 ms here, see {@link GenerationApiTest}.)
 */
@GenerationApiTest
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @Autowired
    ScriptedProvider provider;

    @Autowired
    GenerationTestAccess access;

    @Autowired
    EndedRequests endedRequests;

    @Test
    void theOwnerSeesTheirJobRunAndSucceedAndNothingOfAnotherUsersJobs() throws Exception {
        TestUser owner = users.signUp();
        TestUser other = users.signUp();
        try (EventStream stream = open("?access_token=" + owner.accessToken())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            stream.next(event -> event.isComment("connected"), WAIT);

            NewGeneration theirs = NewGeneration.scripted("not yours");
            provider.script(theirs.prompt(), doneNow());
            String theirId = generations.submitted(other, theirs);
            generations.awaitStatus(other, theirId, "succeeded");
            NewGeneration mine = NewGeneration.scripted("watched");
            provider.script(mine.prompt(), accepted("job-watched"), running(50), done());
            String myId = generations.submitted(owner, mine);

            List<JsonNode> updates = updatesUntil(stream, "succeeded");

            assertThat(updates).allSatisfy(u -> assertThat(u.get("id").asString()).isEqualTo(myId));
            assertThat(updates).extracting(u -> u.get("status").asString() + " " + u.path("progress").asString("-"))
                    .containsExactly("running -", "running 50", "succeeded 100");
        }
    }

    @Test
    void aJobThatEndsWithoutProgressIsAnnouncedToo() throws Exception {
        TestUser owner = users.signUp();
        try (EventStream stream = open("?access_token=" + owner.accessToken())) {
            stream.next(event -> event.isComment("connected"), WAIT);
            NewGeneration quick = NewGeneration.scripted("quick");
            provider.script(quick.prompt(), doneNow());
            generations.submitted(owner, quick);
            assertThat(updatesUntil(stream, "succeeded")).extracting(u -> u.get("status").asString())
                    .containsExactly("running", "succeeded");

            NewGeneration slow = NewGeneration.scripted("canceled");
            provider.script(slow.prompt(), accepted("job-canceled"), running(10), running(10), running(10),
                    running(10), running(10), running(10), running(10), running(10));
            String id = generations.submitted(owner, slow);
            generations.awaitStatus(owner, id, "running");
            assertThat(api.post("/api/v1/generations/" + id + "/cancel").bearer(owner.accessToken()).send().status())
                    .isEqualTo(200);

            assertThat(updatesUntil(stream, "canceled").getLast().get("id").asString()).isEqualTo(id);
        }
    }

    @Test
    void heartbeatsArriveWhileNothingHappens() throws Exception {
        TestUser user = users.signUp();
        try (EventStream stream = open("?access_token=" + user.accessToken())) {
            stream.next(event -> event.isComment("heartbeat"), WAIT);
            stream.next(event -> event.isComment("heartbeat"), WAIT);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aStreamTheClientClosedIsForgottenQuietly(CapturedOutput output) throws Exception {
        TestUser user = users.signUp();
        try (EventStream stream = open("?access_token=" + user.accessToken())) {
            stream.next(event -> event.isComment("connected"), WAIT);
            assertThat(access.openStreams()).isPositive();
        }

        await().atMost(WAIT).until(() -> access.openStreams() == 0); // noticed at the next heartbeat
        // the end of the stream is dispatched again through the filters (an ASYNC dispatch), where it
        // must not be refused as unauthenticated: that logged two stack traces per closed browser tab.
        // Once the server has finished with the request, that dispatch is over and would have logged.
        await().atMost(WAIT).until(() -> endedRequests.ended(user.accessToken()));
        assertThat(output.getAll()).doesNotContain("AuthorizationDeniedException");
    }

    @Test
    void aDisabledUsersStreamIsClosed() throws Exception {
        TestUser user = users.signUp();
        try (EventStream stream = open("?access_token=" + user.accessToken())) {
            stream.next(event -> event.isComment("connected"), WAIT);

            Api.Response disabled = api.patch("/api/v1/admin/users/" + user.id()).bearer(users.admin().accessToken())
                    .json(java.util.Map.of("disabled", true)).send();
            assertThat(disabled.status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> !stream.open());
        }
    }

    @Test
    void streamsTheClientClosedFreeTheirSlotsAtOnce() throws Exception {
        TestUser user = users.signUp();
        for (int round = 0; round < 2; round++) {
            List<EventStream> streams = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                EventStream stream = open("?access_token=" + user.accessToken());
                assertThat(stream.status()).isEqualTo(200);
                stream.next(event -> event.isComment("connected"), WAIT);
                streams.add(stream);
            }
            streams.forEach(EventStream::close); // the browser tabs close; no heartbeat has been sent since
        }
        try (EventStream ninth = open("?access_token=" + user.accessToken())) {
            assertThat(ninth.status()).isEqualTo(200);
        }
    }

    @Test
    void anAccessTokenInTheHeaderWorksToo() throws Exception {
        TestUser user = users.signUp();

        try (EventStream stream = EventStream.open(api.baseUrl() + "/api/v1/events", user.accessToken())) {
            assertThat(stream.status()).isEqualTo(200);
            stream.next(event -> event.isComment("connected"), WAIT);
        }
    }

    @Test
    void anApiKeyInTheQueryIsRefused() {
        TestUser user = users.signUp();
        String key = users.apiKey(user, "generate");

        Api.Response response = api.get("/api/v1/events?access_token=" + key).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_token");
    }

    @Test
    void noOrABadCredentialIs401() {
        assertThat(api.get("/api/v1/events").unvalidatedRequest().send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/events?access_token=not.a.token").send().status()).isEqualTo(401);
    }

    @Test
    void onlyTheEventStreamTakesATokenInTheQuery() {
        TestUser user = users.signUp();

        Api.Response response = api.get("/api/v1/generations?access_token=" + user.accessToken())
                .unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(401);
    }

    /** The {@code generation.updated} events up to the first with {@code status}. */
    private static List<JsonNode> updatesUntil(EventStream stream, String status) throws InterruptedException {
        List<JsonNode> updates = new ArrayList<>();
        JsonNode update;
        do {
            update = JSON.readTree(stream.next(event -> "generation.updated".equals(event.name()), WAIT).data());
            updates.add(update);
        } while (!status.equals(update.get("status").asString()));
        return updates;
    }

    private EventStream open(String query) {
        return EventStream.open(api.baseUrl() + "/api/v1/events" + query);
    }
}
