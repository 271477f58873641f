package dev.atelier.bench;

import dev.atelier.webhooks.Receiver;
import dev.atelier.webhooks.WebhookEventTypes;
import dev.atelier.webhooks.Webhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/webhooks, on Atelier's defaults (durable embedded PostgreSQL, 4 delivery workers) with
 * loopback allowed, in one JVM with a receiver on loopback that answers 200 at once.
 * <ol>
 * <li>Throughput: {@code events} events recorded in one transaction, for one endpoint; deliveries
 *     per second from the commit to the last arrival (after a warm-up of 200).
 * <li>Delay: {@code jobs} generations through a provider that answers at once, submitted from
 *     {@code clients} threads; for each, the time from its {@code finishedAt} (set in the
 *     transaction that ended it) to the arrival of its {@code generation.succeeded} at the
 *     receiver: median, p99, max.
 * </ol>
 */
public final class WebhooksBench {

    private static final String MODEL = "bench/instant";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.setProperty("atelier.accounts.admin-email", "bench-admin@bench.local");
        System.setProperty("atelier.accounts.admin-password", "bench-admin-password");
        try (Receiver receiver = Receiver.start();
                BenchServer server = new BenchServer(List.of(new JobsBench.InstantProvider()),
                        "atelier.webhooks.allow-private-addresses=true", "atelier.webhooks.require-https=false",
                        "atelier.credits.max-active-jobs=1000000", "atelier.credits.rates.generation=1000000/1m",
                        "atelier.generation.timeouts.[" + MODEL + "]=2h")) {
            JdbcClient jdbc = server.context.getBean(JdbcClient.class);
            jdbc.sql("""
                    insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                        parameters, price_unit, price_credits, price_minimum, updated_at)
                    values (:id, 'image', 'instant', 'Instant', 'Answers at once', true, 1000, '[]',
                        'per_output', 1, 1, now())""").param("id", MODEL).update();
            String[] user = server.signUp();
            String token = user[0];
            UUID owner = UUID.fromString(user[1]);
            String admin = server.post("/api/v1/auth/login", null,
                    "{\"email\":\"bench-admin@bench.local\",\"password\":\"bench-admin-password\"}").get("accessToken").asString();
            server.post("/api/v1/admin/accounts/" + owner + "/credits", admin,
                    "{\"amount\":" + (jobs * 2 + 1000) + ",\"reason\":\"bench/webhooks\"}", "Idempotency-Key", UUID.randomUUID().toString());
            server.post("/api/v1/webhook-endpoints", token, "{\"url\":\"" + receiver.url("/rate")
                    + "\",\"events\":[\"generation.failed\"]}");
            server.post("/api/v1/webhook-endpoints", token, "{\"url\":\"" + receiver.url("/jobs")
                    + "\",\"events\":[\"generation.succeeded\"]}");

            System.out.printf("bench/webhooks on %s, load average %s; delivery workers %s, durable embedded PostgreSQL%n",
                    BenchServer.machine(), loadAverage(), server.context.getEnvironment().getProperty("atelier.webhooks.workers", "4"));

            Webhooks webhooks = server.context.getBean(Webhooks.class);
            TransactionTemplate transactions = server.context.getBean(TransactionTemplate.class);
            record(webhooks, transactions, owner, "warm", 200);
            await(() -> receiver.at("/rate").size() >= 200, Duration.ofMinutes(5));
            int before = receiver.at("/rate").size();
            record(webhooks, transactions, owner, "run", events);
            Instant committed = Instant.now();
            await(() -> receiver.at("/rate").size() >= before + events, Duration.ofMinutes(20));
            Instant last = receiver.at("/rate").stream().map(Receiver.Received::at).max(Instant::compareTo).orElseThrow();
            double seconds = Duration.between(committed, last).toNanos() / 1e9;
            System.out.printf("throughput: %d deliveries in %.2f s = %.0f deliveries/s (commit to last arrival)%n",
                    events, seconds, events / seconds);

            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> submits = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                int n = i;
                submits.add(pool.submit(() -> server.post("/api/v1/generations", token,
                        "{\"model\":\"" + MODEL + "\",\"prompt\":\"latency " + n + "\"}")));
            }
            for (Future<?> submit : submits) {
                submit.get();
            }
            pool.shutdown();
            await(() -> receiver.at("/jobs").size() >= jobs, Duration.ofMinutes(20));
            double[] delays = receiver.at("/jobs").stream().mapToDouble(r -> {
                JsonNode data = JSON.readTree(r.body()).get("data");
                return Duration.between(Instant.parse(data.get("finishedAt").asString()), r.at()).toNanos() / 1e6;
            }).sorted().toArray();
            System.out.printf("job end → delivery (%d generations, %d clients): median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    delays.length, clients, percentile(delays, 50), percentile(delays, 99), delays[delays.length - 1]);
            var split = jdbc.sql("""
                    select percentile_cont(0.5) within group (order by extract(epoch from a.attempted_at - m.created_at)) * 1000 as picked,
                           percentile_cont(0.99) within group (order by extract(epoch from a.attempted_at - m.created_at)) * 1000 as picked99,
                           percentile_cont(0.5) within group (order by a.duration_ms) as sent,
                           percentile_cont(0.99) within group (order by a.duration_ms) as sent99
                    from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
                    join webhook_messages m on m.id = d.message_id where m.type = 'generation.succeeded'""")
                    .query().singleRow();
            System.out.printf("  of which event recorded → attempt started: median %.1f ms, p99 %.1f ms;"
                            + " POST to answer: median %.1f ms, p99 %.1f ms%n", ((Number) split.get("picked")).doubleValue(),
                    ((Number) split.get("picked99")).doubleValue(), ((Number) split.get("sent")).doubleValue(),
                    ((Number) split.get("sent99")).doubleValue());
            long notSucceeded = jdbc.sql("select count(*) from webhook_deliveries where status <> 'succeeded'")
                    .query(Long.class).single();
            System.out.printf("deliveries not succeeded: %d; load average at the end %s%n", notSucceeded, loadAverage());
        }
    }

    private static void record(Webhooks webhooks, TransactionTemplate transactions, UUID owner, String prefix, int n) {
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < n; i++) {
                webhooks.record(WebhookEventTypes.GENERATION_FAILED, owner, prefix + "-" + i, Map.of("n", i));
            }
        });
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(Condition condition, Duration atMost) throws Exception {
        Instant until = Instant.now().plus(atMost);
        while (!condition.met()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("not done in " + atMost);
            }
            Thread.sleep(10);
        }
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
