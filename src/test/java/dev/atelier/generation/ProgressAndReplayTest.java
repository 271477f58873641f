package dev.atelier.generation;

import static dev.atelier.generation.ScriptedProvider.doneNow;
import static dev.atelier.generation.ScriptedProvider.reports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real progress from work that runs inside {@code submit} (offline models), event ids on the
 * event stream, the missed events replayed to a client that reconnects with
 * {@code Last-Event-ID}, and a success event that carries the outputs with signed URLs.
 */
@GenerationApiTest
class ProgressAndReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @Autowired
    ScriptedProvider provider;

    @Test
    void progressReportedDuringSubmitReachesTheStreamThrottledAndOnlyUpwards() throws Exception {
        TestUser owner = users.signUp();
        try (Sse stream = Sse.open(api, owner, null)) {
            NewGeneration job = NewGeneration.scripted("reporting");
            // 41 comes too soon after 40 and is too small a step; 30 goes backwards: neither is written
            provider.script(job.prompt(), reports(10, 40, 41, 30), doneNow());
            String id = generations.submitted(owner, job);

            List<Sse.Event> updates = stream.updatesUntil(id, "succeeded");
            assertThat(updates).extracting(e -> e.json().get("status").asString() + " " + e.json().path("progress").asString("-"))
                    .containsExactly("running -", "running 10", "running 40", "succeeded 100");
            assertThat(generations.get(owner, id).get("progress").asInt()).isEqualTo(100);
        }
    }

    @Test
    void anOfflineModelReportsRealProgressWhileItRenders() throws Exception {
        TestUser owner = users.signUp();
        try (Sse stream = Sse.open(api, owner, null)) {
            String id = generations.submitted(owner, NewGeneration.of("local/tune", "a slow rainy piano evening")
                    .with("durationSeconds", 30));

            List<Sse.Event> updates = stream.updatesUntil(id, "succeeded");
            List<Integer> progress = updates.stream().map(e -> e.json().path("progress"))
                    .filter(JsonNode::isNumber).map(JsonNode::asInt).toList();
            assertThat(progress).as("progress in the events").isNotEmpty().isSorted().endsWith(100);
            assertThat(progress.subList(0, progress.size() - 1)).as("while running").isNotEmpty()
                    .allMatch(p -> p >= 0 && p <= 99);
        }
    }

    @Test
    void everyEventHasAnIdAndTheSuccessCarriesTheOutputsWithSignedUrls() throws Exception {
        TestUser owner = users.signUp();
        try (Sse stream = Sse.open(api, owner, null)) {
            NewGeneration job = NewGeneration.scripted("with outputs");
            provider.script(job.prompt(), doneNow());
            String id = generations.submitted(owner, job);

            List<Sse.Event> updates = stream.updatesUntil(id, "succeeded");
            assertThat(updates).allSatisfy(e -> assertThat(e.id()).matches("\\d+"));
            assertThat(updates).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();

            JsonNode succeeded = updates.getLast().json();
            JsonNode view = generations.get(owner, id);
            assertThat(succeeded.get("outputs")).hasSize(1);
            JsonNode output = succeeded.get("outputs").get(0);
            assertThat(output.get("assetId").asString()).isEqualTo(view.get("outputs").get(0).get("assetId").asString());
            assertThat(output.get("url").asString()).startsWith("/media/").contains("sig=");
            assertThat(output.get("mediaType").asString()).isEqualTo("image/png");
            assertThat(generations.download(output)).isNotEmpty();
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissedAndNothingTwice() throws Exception {
        TestUser owner = users.signUp();
        String lastSeen;
        String first;
        try (Sse stream = Sse.open(api, owner, null)) {
            NewGeneration seen = NewGeneration.scripted("seen");
            provider.script(seen.prompt(), doneNow());
            first = generations.submitted(owner, seen);
            lastSeen = stream.updatesUntil(first, "succeeded").getLast().id();
        }

        // while the client is away: a job runs and ends
        NewGeneration missed = NewGeneration.scripted("missed");
        provider.script(missed.prompt(), reports(25), doneNow());
        String second = generations.submitted(owner, missed);
        generations.awaitStatus(owner, second, "succeeded");

        try (Sse stream = Sse.open(api, owner, lastSeen)) {
            List<Sse.Event> replayed = stream.updatesUntil(second, "succeeded");
            assertThat(replayed).extracting(e -> e.json().get("status").asString() + " " + e.json().path("progress").asString("-"))
                    .containsExactly("running -", "running 25", "succeeded 100");
            assertThat(replayed).allSatisfy(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(lastSeen)));
            assertThat(replayed.getLast().json().get("outputs").get(0).get("url").asString()).contains("sig=");

            // and then live, without repeating anything
            NewGeneration after = NewGeneration.scripted("after");
            provider.script(after.prompt(), doneNow());
            String third = generations.submitted(owner, after);
            List<Sse.Event> live = stream.updatesUntil(third, "succeeded");
            assertThat(live).extracting(e -> e.json().get("id").asString()).containsOnly(third);
        }
    }

    @Test
    void aReplayShowsOnlyTheCallersOwnEvents() throws Exception {
        TestUser owner = users.signUp();
        TestUser other = users.signUp();
        NewGeneration job = NewGeneration.scripted("private");
        provider.script(job.prompt(), doneNow());
        String id = generations.submitted(owner, job);
        generations.awaitStatus(owner, id, "succeeded");

        try (Sse stream = Sse.open(api, other, "0")) {
            NewGeneration own = NewGeneration.scripted("other's own");
            provider.script(own.prompt(), doneNow());
            String ownId = generations.submitted(other, own);
            List<Sse.Event> events = stream.updatesUntil(ownId, "succeeded");
            assertThat(events).extracting(e -> e.json().get("id").asString()).containsOnly(ownId);
        }
    }

    @Test
    void aLastEventIdThatIsNoEventIdIsABadRequest() {
        TestUser owner = users.signUp();
        Api.Response response = api.get("/api/v1/events").bearer(owner.accessToken())
                .header("Last-Event-ID", "yesterday").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_parameter");
    }

    /** A minimal EventSource: reads {@code id:}, {@code event:} and {@code data:} lines into events. */
    private static final class Sse implements AutoCloseable {

        record Event(String id, String name, String data) {
            JsonNode json() {
                return JSON.readTree(data);
            }
        }

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Thread reader;

        private Sse(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = Thread.ofVirtual().name("sse-replay-test").start(this::read);
        }

        static Sse open(Api api, TestUser user, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + user.accessToken()).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<Stream<String>> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
                assertThat(response.statusCode()).isEqualTo(200);
                return new Sse(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The updates of one job, in order, up to the first with {@code status}. */
        List<Event> updatesUntil(String generationId, String status) throws InterruptedException {
            List<Event> updates = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no '" + status + "' event for " + generationId + " within " + WAIT
                            + "; got " + updates);
                }
                if (!"generation.updated".equals(event.name()) || !event.json().get("id").asString().equals(generationId)) {
                    continue;
                }
                updates.add(event);
                if (event.json().get("status").asString().equals(status)) {
                    return updates;
                }
            }
        }

        private void read() {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                        id = null;
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
