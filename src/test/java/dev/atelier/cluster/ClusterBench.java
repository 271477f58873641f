package dev.atelier.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/cluster: jobs per second through one node and through two on this machine (each its own
 * JVM, {@link Cluster}), with the provider that answers at once; what PostgreSQL did per job
 * (commits, rows written, from {@code pg_stat_database}) and the connections each node holds,
 * projected to 10 and 100 nodes. Run with bench/cluster/run.sh [jobs=2000] [clients=8].
 */
public final class ClusterBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int nodes, int jobs, double seconds, double submitSeconds, long commits, long rowsWritten,
            long connections) {
        double jobsPerSecond() {
            return jobs / seconds;
        }

        double commitsPerJob() {
            return (double) commits / jobs;
        }

        double rowsPerJob() {
            return (double) rowsWritten / jobs;
        }
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        System.out.printf("bench/cluster on %d cores, JDK %s, load average %s; %d jobs from %d client threads,"
                        + " nodes with %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version(), load(), jobs,
                clients, System.getProperty("cluster.node.jvm"));
        List<Run> runs = new ArrayList<>();
        for (int nodes : new int[] {1, 2}) {
            runs.add(run(nodes, jobs, clients));
        }
        for (Run run : runs) {
            System.out.printf("%d node(s): %.1f jobs/s end to end (%d jobs in %.1f s; submits took %.1f s),"
                            + " %.1f commits and %.1f rows written per job, %d connections open%n",
                    run.nodes(), run.jobsPerSecond(), run.jobs(), run.seconds(), run.submitSeconds(),
                    run.commitsPerJob(), run.rowsPerJob(), run.connections());
        }
        // --- chunked export: one versus two render nodes (filled in by the chunked-export work) ---
        System.out.println("chunked export, one vs two render nodes: not measured here yet");
        // --- end of the chunked export slot ---
        Run two = runs.get(runs.size() - 1);
        double perNodeJobs = two.jobsPerSecond() / two.nodes();
        double perNodeConnections = (double) two.connections() / two.nodes();
        for (int nodes : new int[] {10, 100}) {
            double rate = perNodeJobs * nodes;
            System.out.printf("projection, %d nodes like these at %.0f jobs/s: %.0f commits/s, %.0f rows written/s,"
                            + " %.0f connections (pool as configured)%n", nodes, rate, rate * two.commitsPerJob(),
                    rate * two.rowsPerJob(), perNodeConnections * nodes);
        }
        System.out.printf("load average at the end %s%n", load());
    }

    private static Run run(int nodes, int jobs, int clients) throws Exception {
        List<Cluster.Spec> specs = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            specs.add(Cluster.node("n" + n, "api,jobs,render"));
        }
        // Atelier's own scheduler settings, not the test harness's short heartbeats
        try (Cluster cluster = Cluster.start(Cluster.directory("bench-cluster"), specs,
                "atelier.scheduler.heartbeat-interval=5s", "atelier.scheduler.polling-interval=2s",
                "atelier.scheduler.shutdown-wait=10s")) {
            List<String> bases = cluster.nodes().stream().map(Cluster.Node::base).toList();
            String token = signUp(bases.get(0));
            submit(bases, token, Math.min(200, jobs), clients); // warm-up
            awaitEnded(cluster, Math.min(200, jobs));
            String database = cluster.jdbc().sql("select current_database()").query(String.class).single();
            // what the nodes commit when idle (polls, heartbeats, sweeps), to take out of the per-job figures
            Map<String, Object> idleStart = stats(cluster, database);
            TimeUnit.SECONDS.sleep(10);
            double idleCommitsPerSecond = delta(idleStart, stats(cluster, database), "commits") / 10.0;
            Map<String, Object> before = stats(cluster, database);
            long started = System.nanoTime();
            submit(bases, token, jobs, clients);
            double submitted = (System.nanoTime() - started) / 1e9;
            awaitEnded(cluster, Math.min(200, jobs) + jobs);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> after = stats(cluster, database);
            long connections = cluster.jdbc().sql("select count(*) from pg_stat_activity where datname = :db")
                    .param("db", database).query(Long.class).single() - 1; // not the bench's own
            long idle = Math.round(idleCommitsPerSecond * seconds);
            System.out.printf("%d node(s): %.1f commits/s when idle (taken out of the per-job figures)%n", nodes,
                    idleCommitsPerSecond);
            return new Run(nodes, jobs, seconds, submitted, delta(before, after, "commits") - idle,
                    delta(before, after, "rows"), connections);
        }
    }

    private static Map<String, Object> stats(Cluster cluster, String database) {
        cluster.jdbc().sql("select pg_stat_clear_snapshot()").query().listOfRows();
        return cluster.jdbc().sql("""
                select xact_commit as commits, tup_inserted + tup_updated + tup_deleted as rows
                from pg_stat_database where datname = :db""").param("db", database).query().singleRow();
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String key) {
        return ((Number) after.get(key)).longValue() - ((Number) before.get(key)).longValue();
    }

    private static void submit(List<String> bases, String token, int jobs, int clients) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = client; i < jobs; i += clients) {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                                        bases.get(i % bases.size()) + "/api/v1/generations"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + CountingProvider.MODEL
                                        + "\",\"prompt\":\"bench " + UUID.randomUUID() + "\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException("submit answered " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    private static void awaitEnded(Cluster cluster, int total) throws InterruptedException {
        long last = -1;
        long still = System.nanoTime();
        while (true) {
            long ended = cluster.jdbc().sql("select count(*) from generations where status in"
                    + " ('succeeded', 'failed', 'canceled', 'timed_out')").query(Long.class).single();
            if (ended >= total) {
                return;
            }
            if (ended != last) {
                last = ended;
                still = System.nanoTime();
            } else if (System.nanoTime() - still > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException("no job ended for 2 minutes; " + ended + " of " + total);
            }
            TimeUnit.MILLISECONDS.sleep(100); // a benchmark's own wait, not a test
        }
    }

    private static String signUp(String base) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/signup"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"bench-" + UUID.randomUUID() + "@cluster.test\",\"password\":\"bench-password-1\","
                                + "\"name\":\"Bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return body.get("accessToken").asString();
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
