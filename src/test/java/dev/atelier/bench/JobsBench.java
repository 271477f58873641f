package dev.atelier.bench;

import dev.atelier.generation.GenerationProvider;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * bench/jobs: the generation engine end to end over HTTP, on Atelier's defaults (durable embedded
 * PostgreSQL, 8 scheduler threads, 20 connections), in one JVM with its clients.
 * <ol>
 * <li>Throughput: {@code jobs} submits from {@code clients} threads through a provider that answers
 *     at once with a small PNG (each output is still stored and inspected by the media library,
 *     which runs ffprobe and ffmpeg on it); jobs per second from the first submit to the last
 *     success, and heap used after a full GC before and after the run (after a warm-up).
 * <li>Idle latency: one job at a time, submit to running, as the server records it (created_at
 *     to started_at) and as a client sees it (POST sent to the SSE {@code running} event).
 * <li>The local models' speed: tune and motion through the API, time to succeeded against the
 *     length made, as a multiple of real time.
 * </ol>
 * Run with bench/jobs/run.sh [jobs=5000] [clients=8] [idle jobs=200] [local repeats=3]. Each run
 * first warms up with {@code -Dbench.warm-up} jobs (5,000 unless set; BENCH_JVM) and prints that
 * part's figures too, then the measured part's; both say how much of the JVM's CPU went to the JIT
 * compilers meanwhile (200 jobs, the warm-up before 2026-12-01, left a third of the CPU to them). With
 * {@code -Dbench.submits-only=true} (BENCH_JVM) the node is API-only: submits alone, nothing runs
 * them (each still sends the wake-up NOTIFY an API-only node sends), and only their figures print.
 */
public final class JobsBench {

    private static final String MODEL = "bench/instant";

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int idle = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        // a node's steady rate needs the JIT (nearly) done; see compilerTicks
        int warmUp = Integer.getInteger("bench.warm-up", 5000);
        // system properties: application.yml sets the admin from the environment, above default properties
        System.setProperty("atelier.accounts.admin-email", "bench-admin@bench.local");
        System.setProperty("atelier.accounts.admin-password", "bench-admin-password");
        boolean submitsOnly = Boolean.getBoolean("bench.submits-only");
        try (BenchServer server = new BenchServer(List.of(new InstantProvider()),
                "atelier.credits.max-active-jobs=1000000", "atelier.credits.rates.generation=1000000/1m",
                // a burst of 5,000 on 2 cores queues for longer than the default 10 minutes a job may take
                "atelier.generation.timeouts.[" + MODEL + "]=2h",
                "atelier.node.roles=" + (submitsOnly ? "api" : "api,jobs,render"))) {
            JdbcClient jdbc = server.context.getBean(JdbcClient.class);
            jdbc.sql("""
                    insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                        parameters, price_unit, price_credits, price_minimum, updated_at)
                    values (:id, 'image', 'instant', 'Instant', 'Answers at once', true, 1000, '[]',
                        'per_output', 1, 1, now())""").param("id", MODEL).update();
            String[] user = server.signUp();
            String token = user[0];
            UUID owner = UUID.fromString(user[1]);
            grant(server, owner, (warmUp + (long) jobs) * 2 + 5_000);

            System.out.printf("run as: java %s %s %s (%d jobs, %d client threads, %d idle jobs, %d local repeats)%n",
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                    JobsBench.class.getName(), String.join(" ", args), jobs, clients, idle, repeats);
            System.out.printf("bench/jobs on %s, load average %s; scheduler threads %s, polling %s, pool %s,"
                            + " durable embedded PostgreSQL %s, heap max %d MB%n", BenchServer.machine(), loadAverage(),
                    setting(server, "atelier.scheduler.threads", "8"),
                    setting(server, "atelier.scheduler.polling-interval", "2s"),
                    setting(server, "atelier.database.max-pool-size", "20"),
                    setting(server, "atelier.database.embedded-durable", "true"),
                    Runtime.getRuntime().maxMemory() / (1 << 20));

            if (submitsOnly) {
                if (warmUp > 0) {
                    submitsOnly(server, jdbc, token, warmUp, clients, "warm-up (" + warmUp + ")");
                }
                submitsOnly(server, jdbc, token, jobs, clients, "measured");
                return;
            }
            long baseline = heapAfterGc();
            if (warmUp > 0) {
                throughput(server, jdbc, token, owner, warmUp, clients, "warm-up (" + warmUp + ")");
            }
            long before = heapAfterGc();
            boolean tables = Boolean.getBoolean("bench.tables");
            Map<String, long[]> tablesBefore = tables ? tableStats(jdbc) : Map.of();
            throughput(server, jdbc, token, owner, jobs, clients, "measured");
            if (tables) { // what each job did to each table, from PostgreSQL's statistics
                TimeUnit.MILLISECONDS.sleep(1500); // they are flushed at most once a second
                Map<String, long[]> tablesAfter = tableStats(jdbc);
                System.out.println("  per job and table: index scans, sequential scans, rows inserted, updated, deleted");
                tablesAfter.forEach((table, now) -> {
                    long[] was = tablesBefore.getOrDefault(table, new long[now.length]);
                    StringBuilder line = new StringBuilder();
                    boolean any = false;
                    for (int i = 0; i < now.length; i++) {
                        double perJob = (double) (now[i] - was[i]) / jobs;
                        any |= perJob >= 0.05;
                        line.append(String.format(" %6.2f", perJob));
                    }
                    if (any) {
                        System.out.printf("    %-32s%s%n", table, line);
                    }
                });
            }
            long after = heapAfterGc();
            System.out.printf("heap used after a full GC: %.1f MB at start, %.1f MB after the warm-up, %.1f MB after"
                            + " %,d jobs (%+.1f%%)%n", mb(baseline), mb(before), mb(after), jobs,
                    100.0 * (after - before) / before);

            try (LiveEvents events = LiveEvents.open(server, token)) {
                if (idle > 0) { // 0: idle latency is not asked for (a steady-state run)
                    idleLatency(server, jdbc, events, token, idle);
                }
                if (repeats > 0) { // 0: the local models' speed is not asked for
                    localSpeed(server, events, token, "local/tune", "{\"durationSeconds\":30}", 30, repeats);
                    localSpeed(server, events, token, "local/motion",
                            "{\"durationSeconds\":10,\"resolution\":\"720p\",\"soundtrack\":true}", 10, repeats);
                    localSpeed(server, events, token, "local/motion",
                            "{\"durationSeconds\":10,\"resolution\":\"360p\",\"soundtrack\":true}", 10, repeats);
                }
            }
            System.out.printf("load average at the end %s%n", loadAverage());
        }
    }

    /** Submits {@code count} jobs from {@code clients} threads and waits for every one to succeed. */
    private static void throughput(BenchServer server, JdbcClient jdbc, String token, UUID owner, int count,
            int clients, String label) throws Exception {
        Instant since = Instant.now();
        long[] cpuBefore = cpuTicks(server);
        long commitsBefore = commits(jdbc);
        long start = System.nanoTime();
        AtomicLong clientNanos = new AtomicLong();
        long httpClientBefore = httpClientThreadsNanos();
        submitAll(server, token, count, clients, clientNanos);
        double submitted = (System.nanoTime() - start) / 1e9;
        long ended;
        int stuckPolls = 0;
        long last = -1;
        while ((ended = count(jdbc, owner, since, "status in ('succeeded', 'failed', 'canceled', 'timed_out')")) < count) {
            stuckPolls = ended == last ? stuckPolls + 1 : 0;
            if (stuckPolls > 1200) {
                throw new IllegalStateException("no job ended for 60 s; " + ended + " of " + count + " ended");
            }
            last = ended;
            TimeUnit.MILLISECONDS.sleep(50); // a benchmark's own wait, not a test
        }
        long[] cpuAfter = cpuTicks(server);
        double clientsMs = (clientNanos.get() + httpClientThreadsNanos() - httpClientBefore) / 1e6 / count;
        long commitsAfter = commits(jdbc);
        Map<String, Object> stats = jdbc.sql("""
                select count(*) filter (where status = 'succeeded') as succeeded,
                    extract(epoch from max(finished_at) - min(created_at)) as span,
                    percentile_cont(0.5) within group (order by extract(epoch from started_at - created_at)) as run50,
                    percentile_cont(0.9) within group (order by extract(epoch from started_at - created_at)) as run90,
                    percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at)) as end50,
                    percentile_cont(0.9) within group (order by extract(epoch from finished_at - created_at)) as end90
                from generations where owner_id = :owner and created_at >= :since and model = :model""")
                .param("owner", owner).param("since", java.sql.Timestamp.from(since)).param("model", MODEL)
                .query().singleRow();
        double wall = (System.nanoTime() - start) / 1e9;
        jdbc.sql("""
                select status, error_code, count(*) from generations
                where owner_id = :owner and created_at >= :since and status <> 'succeeded'
                group by status, error_code""").param("owner", owner).param("since", java.sql.Timestamp.from(since))
                .query().listOfRows().forEach(row -> System.out.println("  NOT succeeded: " + row));
        double span = ((Number) stats.get("span")).doubleValue();
        System.out.printf("%s: %,d jobs (%s succeeded) from %d client threads: submits took %.1f s (%.0f/s);"
                        + " first submit to last success %.1f s = %.1f jobs/s (wall incl. polling %.1f s)%n",
                label, count, stats.get("succeeded"), clients, submitted, count / submitted, span, count / span, wall);
        double jvm = 10.0 * (cpuAfter[0] - cpuBefore[0]) / count;
        double subprocesses = 10.0 * (cpuAfter[1] - cpuBefore[1]) / count;
        double postgres = 10.0 * (cpuAfter[2] - cpuBefore[2]) / count;
        System.out.printf("  under load: submit to running median %.0f ms, p90 %.0f ms; submit to succeeded median"
                        + " %.0f ms, p90 %.0f ms%n", 1000 * number(stats, "run50"), 1000 * number(stats, "run90"),
                1000 * number(stats, "end50"), 1000 * number(stats, "end90"));
        System.out.printf("  CPU per job %.1f ms = JVM %.1f ms (of which about %.1f ms the bench's own HTTP clients and"
                        + " %.1f ms the JIT compilers) + PostgreSQL %.1f ms + subprocesses (ffmpeg/ffprobe) %.1f ms;"
                        + " %.1f commits per job%n",
                jvm + postgres + subprocesses, jvm, clientsMs, 10.0 * (cpuAfter[3] - cpuBefore[3]) / count, postgres,
                subprocesses,
                (double) (commitsAfter - commitsBefore) / count);
    }

    /** Submits {@code count} jobs from {@code clients} threads; adds the threads' CPU time to {@code clientNanos}. */
    private static void submitAll(BenchServer server, String token, int count, int clients,
            AtomicLong clientNanos) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = count / clients + (c < count % clients ? 1 : 0);
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        server.post("/api/v1/generations", token, "{\"model\":\"" + MODEL + "\",\"prompt\":\"job "
                                + client + "-" + i + "\"}");
                    }
                    clientNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    /** Submits alone, on an API-only node: submits per second and what each costs. */
    private static void submitsOnly(BenchServer server, JdbcClient jdbc, String token, int count, int clients,
            String label) throws Exception {
        long[] cpuBefore = cpuTicks(server);
        long commitsBefore = commits(jdbc);
        AtomicLong clientNanos = new AtomicLong();
        long httpClientBefore = httpClientThreadsNanos();
        long start = System.nanoTime();
        submitAll(server, token, count, clients, clientNanos);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] cpuAfter = cpuTicks(server);
        double clientsMs = (clientNanos.get() + httpClientThreadsNanos() - httpClientBefore) / 1e6 / count;
        double jvm = 10.0 * (cpuAfter[0] - cpuBefore[0]) / count;
        double postgres = 10.0 * (cpuAfter[2] - cpuBefore[2]) / count;
        System.out.printf("%s: %,d submits from %d client threads in %.1f s = %.0f submits/s (API-only node)%n"
                        + "  CPU per submit %.1f ms = JVM %.1f ms (of which about %.1f ms the bench's own HTTP clients and"
                        + " %.1f ms the JIT compilers) + PostgreSQL %.1f ms; %.1f commits per submit%n", label, count,
                clients, seconds, count / seconds, jvm + postgres, jvm, clientsMs,
                10.0 * (cpuAfter[3] - cpuBefore[3]) / count, postgres,
                (double) (commits(jdbc) - commitsBefore) / count);
    }

    /** CPU of the JDK HTTP client's own threads (selector, workers) still alive. */
    private static long httpClientThreadsNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** Transactions committed in the database so far (its statistics lag by up to a second; the runs are longer). */
    private static long commits(JdbcClient jdbc) {
        return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
    }

    /** Per table: index scans, sequential scans, rows inserted, updated, deleted so far. */
    private static Map<String, long[]> tableStats(JdbcClient jdbc) {
        Map<String, long[]> stats = new java.util.TreeMap<>();
        jdbc.sql("""
                select relname, coalesce(idx_scan, 0), coalesce(seq_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
                from pg_stat_user_tables""").query((rs, n) -> stats.put(rs.getString(1), new long[] {rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)})).list();
        return stats;
    }

    /** One job at a time, each waited for before the next. */
    private static void idleLatency(BenchServer server, JdbcClient jdbc, LiveEvents events, String token, int count)
            throws Exception {
        double[] seen = new double[count];
        double[] afterReturn = new double[count];
        double[] roundTrip = new double[count];
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            String id = server.post("/api/v1/generations", token, "{\"model\":\"" + MODEL + "\",\"prompt\":\"idle "
                    + i + "\"}").get("id").asString();
            long returned = System.nanoTime();
            long running = events.await(id, "running");
            events.await(id, "succeeded");
            seen[i] = (running - sent) / 1e6;
            afterReturn[i] = (running - returned) / 1e6;
            roundTrip[i] = (returned - sent) / 1e6;
            ids.add(UUID.fromString(id));
        }
        List<Double> server_ = jdbc.sql("""
                select extract(epoch from started_at - created_at) * 1000 from generations where id = any(:ids)""")
                .param("ids", ids.toArray(UUID[]::new)).query(Double.class).list();
        double[] serverSide = server_.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("idle, %d jobs one at a time: submit to running median %.1f ms, p90 %.1f ms (server: row"
                        + " created to started);%n  client: POST sent to SSE 'running' median %.1f ms, p90 %.1f ms;"
                        + " POST returned to SSE 'running' median %.1f ms, p90 %.1f ms; POST round trip median %.1f ms%n",
                count, percentile(serverSide, 50), percentile(serverSide, 90), percentile(seen, 50),
                percentile(seen, 90), percentile(afterReturn, 50), percentile(afterReturn, 90),
                percentile(roundTrip, 50));
    }

    /** A local model's jobs one at a time (one warm-up), time from POST to the SSE success. */
    private static void localSpeed(BenchServer server, LiveEvents events, String token, String model, String params,
            int seconds, int repeats) throws Exception {
        double[] elapsed = new double[repeats];
        for (int i = -1; i < repeats; i++) {
            long sent = System.nanoTime();
            String id = server.post("/api/v1/generations", token, "{\"model\":\"" + model + "\",\"prompt\":\"an upbeat"
                    + " teal harbour at dawn with piano\",\"params\":" + params + "}").get("id").asString();
            double took = (events.await(id, "succeeded") - sent) / 1e9;
            if (i >= 0) {
                elapsed[i] = took;
            }
        }
        double median = percentile(elapsed, 50);
        System.out.printf("%s %s: %d s made in median %.2f s (min %.2f, max %.2f, %d runs after a warm-up) = %.1f x"
                        + " real time%n", model, params, seconds, median, Arrays.stream(elapsed).min().orElse(0),
                Arrays.stream(elapsed).max().orElse(0), repeats, seconds / median);
    }

    private static void grant(BenchServer server, UUID owner, long amount) throws Exception {
        String admin = server.post("/api/v1/auth/login", null,
                "{\"email\":\"bench-admin@bench.local\",\"password\":\"bench-admin-password\"}")
                .get("accessToken").asString();
        server.post("/api/v1/admin/accounts/" + owner + "/credits", admin,
                "{\"amount\":" + amount + ",\"reason\":\"bench/jobs\"}", "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static long count(JdbcClient jdbc, UUID owner, Instant since, String condition) {
        return jdbc.sql("select count(*) from generations where owner_id = :owner and created_at >= :since and "
                        + condition).param("owner", owner).param("since", java.sql.Timestamp.from(since))
                .query(Long.class).single();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * CPU ticks (1/100 s) of this JVM, of its waited-for children (ffmpeg, ffprobe) and of the
     * embedded PostgreSQL: the postmaster (with its exited backends) and its live backends.
     */
    private static long[] cpuTicks(BenchServer server) throws IOException {
        long[] self = stat(Path.of("/proc/self/stat"));
        long postgres = 0;
        Path pidFile = server.data.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            String postmaster = Files.readAllLines(pidFile).getFirst().strip();
            long[] main = stat(Path.of("/proc", postmaster, "stat"));
            postgres = main[0] + main[1];
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (fields[1].equals(postmaster)) {
                            postgres += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException gone) {
                        // the process ended meanwhile: its time is in the postmaster's children's now
                    }
                }
            }
        }
        return new long[] {self[0], self[1], postgres, compilerTicks()};
    }

    /**
     * CPU ticks of this JVM's JIT compiler threads (part of the JVM's): how much of a run went to
     * compiling rather than to the jobs. A method runs interpreted, then C1-compiled after a few
     * hundred calls, and C2-compiled only after thousands, so a path taken once per job is still
     * being compiled long after a short warm-up.
     */
    private static long compilerTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    if (stat.contains("CompilerThre")) {
                        ticks += ticks(stat)[0];
                    }
                } catch (IOException gone) {
                    // a compiler thread that ended meanwhile (the JVM starts and stops them as needed)
                }
            }
        }
        return ticks;
    }

    /** A process's own CPU ticks and its waited-for children's. */
    private static long[] stat(Path file) throws IOException {
        return ticks(Files.readString(file));
    }

    /** {@link #stat(Path)} of a {@code stat} file's text. */
    private static long[] ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static String setting(BenchServer server, String name, String fallback) {
        return server.context.getEnvironment().getProperty(name, fallback);
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Answers every submit at once with a small PNG, like a provider with a cache hit. */
    static final class InstantProvider implements GenerationProvider {

        private final byte[] png;

        InstantProvider() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
            png = out.toByteArray();
        }

        @Override
        public String id() {
            return "instant";
        }

        @Override
        public Submission submit(ProviderRequest request) {
            try {
                Path file = Files.write(Files.createTempFile("bench-instant-", ".png"), png);
                return new Submission.Completed(List.of(new ProviderOutput.LocalFile(file, "image/png")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public PollResult poll(ProviderRequest request, String providerJobId) {
            throw new UnsupportedOperationException("answers at once");
        }

        @Override
        public void cancel(ProviderRequest request, String providerJobId) {
        }
    }

    /** The bench user's SSE stream: when each (job, status) was first seen, by this JVM's nano clock. */
    static final class LiveEvents implements AutoCloseable {

        private final Map<String, CompletableFuture<Long>> seen = new ConcurrentHashMap<>();
        private final HttpResponse<Stream<String>> response;
        private final Thread reader;

        private LiveEvents(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = Thread.ofPlatform().daemon().name("bench-sse").start(this::read);
        }

        static LiveEvents open(BenchServer server, String token) throws Exception {
            HttpResponse<Stream<String>> response = server.http.send(HttpRequest.newBuilder(
                    URI.create(server.base + "/api/v1/events?access_token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the event stream answered " + response.statusCode());
            }
            return new LiveEvents(response);
        }

        long await(String id, String status) throws Exception {
            return future(id, status).get(10, TimeUnit.MINUTES);
        }

        private CompletableFuture<Long> future(String id, String status) {
            return seen.computeIfAbsent(id + " " + status, key -> new CompletableFuture<>());
        }

        private void read() {
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                    long now = System.nanoTime();
                    JsonNode update = BenchServer.JSON.readTree(line.substring(5));
                    future(update.get("id").asString(), update.get("status").asString()).complete(now);
                });
            } catch (RuntimeException closed) {
                // the stream ended
            }
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
