package dev.atelier.cluster;

import static org.awaitility.Awaitility.await;

import dev.atelier.media.storage.S3MockServer;
import dev.atelier.test.Api;
import dev.atelier.test.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several real Atelier nodes, each its own JVM started from the compiled classes
 * ({@code java -cp <test class path> dev.atelier.cluster.ClusterNode}), on one fresh database in
 * the test JVM's embedded PostgreSQL and one fresh bucket in the shared s3mock, with the
 * {@link CountingProvider} (model {@code cluster/instant}) on every node. Reusable: name the
 * nodes and their roles, add settings for all or one; {@link Node#kill()} is {@code kill -9},
 * {@link Node#stop()} a polite stop (SIGTERM). Every node's log is {@code <dir>/<name>.log}.
 *
 * <pre>
 * try (Cluster cluster = Cluster.start(dir, List.of(
 *         Cluster.node("a", "api,jobs"), Cluster.node("b", "render")), "atelier.render.preview-window=2s")) {
 *     Api api = cluster.node("a").api();
 * }
 * </pre>
 */
public final class Cluster implements AutoCloseable {

    public static final String ADMIN_EMAIL = "cluster-admin@atelier.test";
    public static final String ADMIN_PASSWORD = "cluster-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path directory;
    private final String database;
    private final String bucket;
    private final List<String> shared;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final DataSource dataSource;

    /** One node to start: its name, its roles ({@code atelier.node.roles}), settings of its own. */
    public record Spec(String name, String roles, List<String> settings) {
    }

    public static Spec node(String name, String roles, String... settings) {
        return new Spec(name, roles, List.of(settings));
    }

    private Cluster(Path directory, List<String> settings) {
        this.directory = directory;
        this.database = TestDatabase.newDatabaseName();
        this.dataSource = TestDatabase.server().getDatabase("postgres", database);
        this.bucket = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        createBucket();
        jdbc().sql("create schema harness").update();
        jdbc().sql("""
                create table harness.provider_calls (
                    generation_id uuid not null, node text not null, at timestamptz not null default clock_timestamp())
                """).update();
        List<String> all = new ArrayList<>(defaults());
        all.addAll(settings);
        this.shared = List.copyOf(all);
    }

    /** Starts the nodes (at once, in parallel) and waits until every one is ready. */
    public static Cluster start(Path directory, List<Spec> specs, String... settings) {
        Cluster cluster = new Cluster(directory, List.of(settings));
        // a test JVM that ends (or is killed by Surefire) takes its nodes with it
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
        try {
            for (Spec spec : specs) {
                cluster.nodes.put(spec.name(), cluster.new Node(spec));
            }
            cluster.nodes.values().forEach(Node::launch);
            cluster.nodes.values().forEach(Node::awaitReady);
            cluster.addModel();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private List<String> defaults() {
        return List.of(
                "atelier.test.isolated=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "logging.level.dev.atelier.platform=INFO",
                "atelier.database.url=" + TestDatabase.server().getJdbcUrl("postgres", database),
                "atelier.database.username=postgres",
                "atelier.database.password=",
                "atelier.database.max-pool-size=12",
                "atelier.media.store=s3",
                "atelier.media.s3.bucket=" + bucket,
                "atelier.media.s3.endpoint=" + S3MockServer.shared().endpoint(),
                "atelier.media.s3.path-style=true",
                "atelier.media.s3.access-key=cluster",
                "atelier.media.s3.secret-key=cluster",
                "atelier.accounts.admin-email=" + ADMIN_EMAIL,
                "atelier.accounts.admin-password=" + ADMIN_PASSWORD,
                "atelier.accounts.signups-per-address=1000000",
                "atelier.credits.welcome-credits=1000000",
                "atelier.credits.max-active-jobs=1000000",
                "atelier.credits.rates.generation=1000000/1m",
                "atelier.generation.timeouts.[" + CountingProvider.MODEL + "]=1h",
                // platform-notes: short heartbeats, so a dead node's work is taken over in seconds
                "atelier.scheduler.heartbeat-interval=1s",
                "atelier.scheduler.missed-heartbeats=4",
                "atelier.scheduler.polling-interval=500ms",
                "atelier.scheduler.shutdown-wait=3s");
    }

    public Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return node;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The cluster's database, as the test sees it. */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Provider calls per node for these jobs, e.g. to find where a job ran. */
    public List<String> callsOf(UUID generation) {
        return jdbc().sql("select node from harness.provider_calls where generation_id = :id order by at")
                .param("id", generation).query(String.class).list();
    }

    private void addModel() {
        jdbc().sql("""
                insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                    parameters, price_unit, price_credits, price_minimum, updated_at)
                values (:id, 'image', :provider, 'Cluster', 'Answers at once, counts calls', true, 1000, '[]',
                    'per_output', 1, 1, now())""")
                .param("id", CountingProvider.MODEL).param("provider", CountingProvider.ID).update();
    }

    private void createBucket() {
        try {
            int status = HTTP.send(HttpRequest.newBuilder(S3MockServer.shared().endpoint().resolve("/" + bucket))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("creating bucket " + bucket + " answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh folder for a cluster's data and logs under {@code target/<name>/}, kept after the run
     * (the nodes' logs are what explains a failure) and removed by {@code mvn clean}.
     */
    public static Path directory(String name) {
        try {
            return Files.createDirectories(Path.of("target", name)).toAbsolutePath()
                    .resolve("run-" + System.currentTimeMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path of this JVM, for the nodes: Surefire's real one when run under Surefire. */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Override
    public void close() {
        nodes.values().forEach(Node::kill);
    }

    /** One node process. */
    public final class Node {

        private final Spec spec;
        private final int port;
        private final Path log;
        private volatile Process process;

        private Node(Spec spec) {
            this.spec = spec;
            this.port = freePort();
            this.log = directory.resolve(spec.name() + ".log");
        }

        public String name() {
            return spec.name();
        }

        public int port() {
            return port;
        }

        public String base() {
            return "http://127.0.0.1:" + port;
        }

        /** An {@link Api} on this node, judging every call against the API description. */
        public Api api() {
            return Api.forPort(port);
        }

        public Path log() {
            return log;
        }

        public Process process() {
            return process;
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }

        /** Starts the node again after a kill or a stop, with the same name, port and data. */
        public Node restart() {
            if (alive()) {
                throw new IllegalStateException(name() + " is running");
            }
            launch();
            awaitReady();
            return this;
        }

        void launch() {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto",
                    "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                    "--enable-native-access=ALL-UNNAMED",
                    "-Djava.awt.headless=true",
                    "-Datelier.node.name=" + spec.name(),
                    "-cp", classPath()));
            // small heaps and the quick compiler for tests; a benchmark passes its own (-Dcluster.node.jvm=…)
            command.addAll(1, List.of(System.getProperty("cluster.node.jvm",
                    "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")));
            command.addAll(List.of(
                    ClusterNode.class.getName()));
            List<String> settings = new ArrayList<>(shared);
            settings.add("server.port=" + port);
            settings.add("atelier.data-dir=" + directory.resolve(spec.name()));
            settings.add("atelier.node.roles=" + spec.roles());
            settings.add("atelier.node.name=" + spec.name());
            settings.addAll(spec.settings());
            // a setting given twice would reach Spring as "first,second": the later one wins here
            Map<String, String> named = new LinkedHashMap<>();
            settings.forEach(setting -> named.put(setting.substring(0, Math.max(0, setting.indexOf('='))), setting));
            named.values().forEach(setting -> command.add("--" + setting));
            try {
                Files.createDirectories(directory);
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void awaitReady() {
            await(name() + " ready (log: " + log + ")").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name() + " exited; see " + log);
                        }
                        return health("/readiness") == 200;
                    });
        }

        /** The status of {@code /actuator/health<path>} ({@code ""}, {@code /liveness}, {@code /readiness}). */
        public int health(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health" + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** {@code kill -9}: no shutdown hook, no goodbye; its running work stays picked until its heartbeats go stale. */
        public void kill() {
            Process running = process;
            if (running != null && running.isAlive()) {
                running.destroyForcibly(); // SIGKILL on Linux
                waitFor(running, Duration.ofSeconds(30));
            }
        }

        /** A polite stop (SIGTERM), as systemd or an orchestrator asks; does not wait. */
        public void stop() {
            process.destroy();
        }

        public boolean awaitExit(Duration atMost) {
            return waitFor(process, atMost);
        }

        private static boolean waitFor(Process process, Duration atMost) {
            try {
                return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String toString() {
            return name() + " (" + spec.roles().toLowerCase(Locale.ROOT) + ", port " + port + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
