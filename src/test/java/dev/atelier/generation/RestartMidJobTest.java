package dev.atelier.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.AtelierApplication;
import dev.atelier.credits.Credits;
import dev.atelier.test.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stopping the application mid-job and starting it again on the same database ends every job,
 * and settles each once.
 *
 * <p>What db-scheduler 16.12 does with the work of a node that stops (read in its {@code
 * Scheduler}, {@code Executor} and {@code JdbcTaskRepository}):
 * <ul>
 * <li>{@code stop()} stops fetching due work, then lets running executions finish for up to
 *     {@code shutdownMaxWait}; then interrupts the worker threads ({@code shutdownNow()}, which
 *     also drops fetched-but-unpicked candidates) and waits as long again; the heartbeat thread
 *     stops last. Nothing un-picks an execution on the way out.
 * <li>A step that gives way to the interrupt ends normally as far as db-scheduler is concerned:
 *     the runner sees the interrupt and asks for another step at once (not counting it as a
 *     failed attempt), so the row is un-picked and rescheduled, and the next node to poll runs it.
 * <li>A step whose thread ignores the interrupt (a provider stuck in a blocking call, or a JVM
 *     that was killed) leaves its row {@code picked} with a heartbeat that no longer moves. The
 *     next node's dead-execution check (every 2 × heartbeat interval) selects {@code picked} rows
 *     whose {@code last_heartbeat} is older than heartbeat interval × missed heartbeats —
 *     whoever picked them: both nodes here carry the same name, the host's — and hands them to
 *     the task's dead-execution handler, {@code ReviveDeadExecution} for ours, which schedules
 *     them to run now. The runner then finds the job {@code running} with no provider job and
 *     submits it again. (With Atelier's defaults, 5 s × 4, that is 20 s after the last beat; here
 *     250 ms × 4. db-scheduler refuses fewer than 4 missed heartbeats.)
 * <li>Work that was due but never picked (a queued job) is simply still there.
 * </ul>
 */
class RestartMidJobTest {

    private static final String MODEL = "test/restart";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private final String database = TestDatabase.newDatabase();
    private final HangingProvider hanging = new HangingProvider();

    @AfterEach
    void letTheAbandonedThreadGo() {
        hanging.release.countDown();
    }

    @Test
    void everyJobLeftRunningOrQueuedByAStoppedNodeEndsOnceOnTheNext() throws Exception {
        String token;
        UUID user;
        String deaf;
        String interruptible;
        String queued;
        try (ConfigurableApplicationContext first = start(hanging, "atelier.scheduler.threads=2")) {
            first.getBean(JdbcClient.class).sql("""
                    insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                        parameters, price_unit, price_credits, price_minimum, updated_at)
                    values (:id, 'image', 'restart', 'Restart', 'Survives restarts', true, 1000, '[]',
                        'per_output', 3, 3, now())""").param("id", MODEL).update();
            JsonNode account = call(first, "POST", "/api/v1/auth/signup", null, Map.of("email",
                    "restart-" + UUID.randomUUID() + "@test.atelier", "password", "correct horse battery", "name", "R"));
            token = account.get("accessToken").asString();
            user = UUID.fromString(account.get("user").get("id").asString());
            await().until(() -> first.getBean(Credits.class).balance(user).available() == 100);

            deaf = submit(first, token, "deaf to interrupts");
            interruptible = submit(first, token, "gives way");
            await().until(() -> hanging.calls.size() == 2); // both worker threads are held by the provider
            queued = submit(first, token, "waits for a thread");
            assertThat(status(first, token, deaf)).isEqualTo("running");
            assertThat(status(first, token, interruptible)).isEqualTo("running");
            assertThat(status(first, token, queued)).isEqualTo("queued");
        }
        assertThat(hanging.interrupted).containsExactlyInAnyOrder("deaf to interrupts", "gives way");

        InstantProvider instant = new InstantProvider();
        try (ConfigurableApplicationContext second = start(instant)) {
            for (String id : List.of(deaf, interruptible, queued)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> status(second, token, id).equals("succeeded"));
            }
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            for (String id : List.of(deaf, interruptible, queued)) {
                assertThat(settlements(jdbc, id)).as("settlements of " + id).containsExactly("capture");
                assertThat(call(second, "GET", "/api/v1/generations/" + id, token, null).get("cost").get("charged")
                        .asLong()).isEqualTo(3);
            }
            assertThat(jdbc.sql("select attempts from generations where id = :id")
                    .param("id", UUID.fromString(interruptible)).query(Integer.class).single())
                    .as("a node stopping is not the provider failing").isZero();
            assertThat(instant.prompts).containsExactlyInAnyOrder("deaf to interrupts", "gives way", "waits for a thread");
            Credits credits = second.getBean(Credits.class);
            assertThat(credits.balance(user).held()).isZero();
            assertThat(credits.balance(user).available()).isEqualTo(100 - 3 * 3);
            assertThat(credits.audit().violations()).isEmpty();
        }
    }

    private ConfigurableApplicationContext start(GenerationProvider provider, String... more) {
        return new SpringApplicationBuilder(AtelierApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("restartProvider", GenerationProvider.class, () -> provider))
                .properties("atelier.test.isolated=false", "atelier.database.url=" + database,
                        "atelier.database.username=postgres", "atelier.database.password=",
                        "atelier.data-dir=" + dataDir, "server.port=0",
                        "atelier.scheduler.polling-interval=200ms", "atelier.scheduler.heartbeat-interval=250ms",
                        "atelier.scheduler.missed-heartbeats=4", "atelier.scheduler.shutdown-wait=1s",
                        "atelier.generation.retry-base=200ms", "atelier.generation.retry-max=400ms")
                .properties(more)
                .run();
    }

    private static String submit(ConfigurableApplicationContext node, String token, String prompt) throws Exception {
        return call(node, "POST", "/api/v1/generations", token, Map.of("model", MODEL, "prompt", prompt))
                .get("id").asString();
    }

    private static String status(ConfigurableApplicationContext node, String token, String id) throws Exception {
        return call(node, "GET", "/api/v1/generations/" + id, token, null).get("status").asString();
    }

    private static List<String> settlements(JdbcClient jdbc, String id) {
        return jdbc.sql("""
                select l.kind from credit_ledger l join credit_holds h on h.id = l.hold_id
                where h.reference = :reference and l.kind in ('capture', 'release')""")
                .param("reference", "generation:" + id).query(String.class).list();
    }

    private static JsonNode call(ConfigurableApplicationContext node, String method, String path, String token,
            Object body) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as(method + " " + path + " " + response.body()).isEqualTo(2);
        return JSON.readTree(response.body());
    }

    /**
     * A provider whose calls hang until released: "deaf" prompts ignore interrupts (like a call
     * stuck in blocking I/O, or a JVM that was killed), others give way to them.
     */
    static final class HangingProvider implements GenerationProvider {

        final CountDownLatch release = new CountDownLatch(1);
        final Set<String> calls = ConcurrentHashMap.newKeySet();
        final Set<String> interrupted = ConcurrentHashMap.newKeySet();

        @Override
        public String id() {
            return "restart";
        }

        @Override
        public Submission submit(ProviderRequest request) {
            calls.add(request.prompt());
            if (request.prompt().startsWith("deaf")) {
                boolean wasInterrupted = false;
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        wasInterrupted = true;
                        interrupted.add(request.prompt());
                    }
                }
                throw new IllegalStateException("released after its node stopped" + (wasInterrupted ? " (interrupted)" : ""));
            }
            try {
                release.await();
                throw new IllegalStateException("released");
            } catch (InterruptedException e) {
                interrupted.add(request.prompt());
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        @Override
        public PollResult poll(ProviderRequest request, String providerJobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(ProviderRequest request, String providerJobId) {
        }
    }

    /** The same provider after the restart: it answers at once. */
    static final class InstantProvider implements GenerationProvider {

        final Set<String> prompts = ConcurrentHashMap.newKeySet();

        @Override
        public String id() {
            return "restart";
        }

        @Override
        public Submission submit(ProviderRequest request) {
            prompts.add(request.prompt());
            return new Submission.Completed(List.of(ScriptedProvider.picture()));
        }

        @Override
        public PollResult poll(ProviderRequest request, String providerJobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(ProviderRequest request, String providerJobId) {
        }
    }
}
