package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.TestMedia;
import dev.atelier.media.Uploads;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.awaitility.Awaitility.await;

/**
 * Walks every operation of the published API description, whichever module it comes from, and
 * sends hostile values into each of its path, query, header and body fields, one at a time (wrong
 * types, huge and negative numbers, overlong strings, NUL, control characters, unpaired
 * surrogates, malformed JSON and percent-encoding, wrong content types, another user's ids). It
 * fails on any 5xx, any error that is not a problem document with a {@code code} and the
 * {@code requestId}, and any change of the stored state (every table's rows, bar the ones that
 * count requests; see {@link #VOLATILE}). Operations added later are walked too: nothing here
 * names one.
 */
@AtelierTest
class HostileInputTest {

    /** Tables that legitimately change when requests are refused: rate and attempt counters, keys seen, the scheduler. */
    static final Pattern VOLATILE = Pattern.compile(
            "scheduled_tasks|event_publication|flyway_schema_history|idempotency_keys|.*_buckets|.*_cache.*|.*heartbeat.*");

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Environment environment;

    @Test
    void noOperationAnswersHostileInputWithAServerErrorOrAnythingButAProblemOrChangesState() throws Exception {
        TestUser owner = users.signUp();
        TestUser other = users.signUp();
        TestUser admin = users.admin();
        List<String> othersIds = resourcesOf(other);
        JsonNode docs = api.get("/v3/api-docs").send().json();
        List<HostileRequests.Probe> probes = new HostileRequests(docs, json, othersIds,
                owner.accessToken(), admin.accessToken()).all();
        RawHttp http = new RawHttp(Integer.parseInt(environment.getProperty("local.server.port")));

        Map<String, String> before = snapshot();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> sent = new ArrayList<>();
            for (HostileRequests.Probe probe : probes) {
                sent.add(pool.submit(() -> {
                    RawHttp.Answer answer = http.send(probe.method(), probe.target(), probe.headers(), probe.body());
                    if (answer.status() < 300 && !"GET".equals(probe.method())) {
                        accepted.add(probe.describe() + " -> " + answer.status());
                    }
                    judge(probe, answer, failures);
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, String> after = snapshot();

        System.out.printf("Hostile walk: %d requests in %d ms%n", probes.size(), took.toMillis());
        assertThat(probes).hasSizeGreaterThan(500);
        assertThat(failures).as("%d of %d hostile requests", failures.size(), probes.size()).isEmpty();
        assertThat(after).as("the stored state after the walk; writes that were accepted: %s", accepted)
                .isEqualTo(before);
    }

    /**
     * A 503 {@code …_not_configured} (stock photos, a provider without its key) is the honest answer of
     * a server where an operator has not switched that service on, whatever the input: not a crash.
     * It must still be a problem document.
     */
    private boolean switchedOff(RawHttp.Answer answer) {
        if (answer.status() != 503) {
            return false;
        }
        try {
            return json.readTree(answer.body()).path("code").asString("").endsWith("_not_configured");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void judge(HostileRequests.Probe probe, RawHttp.Answer answer, List<String> failures) {
        String what = probe.describe() + " -> " + answer.status();
        if (answer.status() >= 500 && !switchedOff(answer)) {
            failures.add(what + " " + abbreviated(answer.text()));
            return;
        }
        if (answer.status() < 400) {
            return;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            failures.add(what + " is not a problem document: " + type + " " + abbreviated(answer.text()));
            return;
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            if (!problem.path("code").isString() || !problem.path("requestId").isString()
                    || problem.path("status").asInt() != answer.status()) {
                failures.add(what + " lacks code, requestId or status: " + abbreviated(answer.text()));
            }
        } catch (RuntimeException e) {
            failures.add(what + " has a body that is no JSON: " + abbreviated(answer.text()));
        }
    }

    /** Another user's API key, upload and finished generation: ids the walker must never reach. */
    private List<String> resourcesOf(TestUser other) {
        List<String> ids = new ArrayList<>();
        ids.add(users.apiKeyId(other, "generate"));
        Api.Response upload = Uploads.upload(api, other.accessToken(), TestMedia.png());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        ids.add(upload.json().get("id").asString());
        Api.Response submitted = api.post("/api/v1/generations").bearer(other.accessToken())
                .json(Map.of("model", "local/sketch", "prompt", "a red fox")).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String generation = submitted.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("queued", "running").contains(
                api.get("/api/v1/generations/" + generation).bearer(other.accessToken()).send().json()
                        .path("status").asString()));
        ids.add(generation);
        return ids;
    }

    /** Every table's row count and a digest of its rows, but for {@link #VOLATILE} ones. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = "
                + "current_schema() and table_type = 'BASE TABLE'").query(String.class).list()) {
            if (VOLATILE.matcher(table).matches()) {
                continue;
            }
            tables.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' "
                    + "order by md5(t::text))), '') from \"" + table + "\" t").query(String.class).single());
        }
        return tables;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }
}
