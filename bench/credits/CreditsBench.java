package dev.atelier.credits.internal;

import dev.atelier.AtelierApplication;
import dev.atelier.credits.Credits;
import dev.atelier.credits.Hold;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hold + capture pairs per second through Atelier's money path (Credits on Spring's JdbcClient and
 * the Hikari pool), and the very same SQL statements through plain JDBC on one connection per
 * thread, on the production embedded PostgreSQL (fsync and synchronous commit on).
 * Not a test: run bench/credits/run.sh. Arguments: [threads] [warmup seconds] [measure seconds].
 */
public class CreditsBench {

    private static final int ACCOUNTS = 10_000;
    private static final long FUNDS = 1_000_000_000_000L;
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]+)");

    interface Pair {
        void run(UUID user) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path data = Files.createTempDirectory("atelier-bench-credits-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(AtelierApplication.class)
                .properties("server.port=0", "atelier.data-dir=" + data, "atelier.database.embedded-durable=true",
                        "atelier.database.max-pool-size=" + (threads + 8),
                        "atelier.accounts.admin-password=bench-admin-password", "logging.level.root=WARN",
                        "spring.main.log-startup-info=false")
                .run();
        try {
            String url = app.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Credits credits = app.getBean(Credits.class);
            Clock clock = app.getBean(Clock.class);
            List<UUID> spread = seed(jdbc, ACCOUNTS);
            List<UUID> hot = seed(jdbc, 1);

            System.out.printf("Atelier credits bench: %d threads, %d s warm-up, %d s measured each%n", threads, warmup,
                    measure);
            System.out.printf("machine: %d cores, %s %s, %s; PostgreSQL %s, fsync=%s, synchronous_commit=%s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), System.getProperty("os.arch"),
                    setting(jdbc, "server_version"), setting(jdbc, "fsync"), setting(jdbc, "synchronous_commit"));

            Pair atelier = user -> {
                Hold hold = credits.place(user, 1, "bench:" + UUID.randomUUID());
                credits.capture(((Hold.Placed) hold).holdId(), 1);
            };
            // each scenario twice, in A-B-B-A order, so drift (other load, caches, table growth) hits both sides alike
            double appHot = 0, jdbcHot = 0, appSpread = 0, jdbcSpread = 0;
            for (int round = 0; round < 2; round++) {
                boolean appFirst = round == 0;
                for (int side = 0; side < 2; side++) {
                    if ((side == 0) == appFirst) {
                        appHot += run("atelier, one hot account", threads, warmup, measure, hot, () -> atelier) / 2;
                        appSpread += run("atelier, 10,000 accounts", threads, warmup, measure, spread, () -> atelier) / 2;
                    } else {
                        jdbcHot += run("plain JDBC, one hot account", threads, warmup, measure, hot, () -> bare(url, clock)) / 2;
                        jdbcSpread += run("plain JDBC, 10,000 accounts", threads, warmup, measure, spread,
                                () -> bare(url, clock)) / 2;
                    }
                }
            }
            System.out.printf("mean pairs/s: atelier %,.0f vs plain JDBC %,.0f on one hot account; "
                    + "atelier %,.0f vs plain JDBC %,.0f over 10,000 accounts%n", appHot, jdbcHot, appSpread, jdbcSpread);
            System.out.printf("ratio atelier / plain JDBC: one hot account %.2f, 10,000 accounts %.2f%n",
                    appHot / jdbcHot, appSpread / jdbcSpread);
            System.out.println("audit after the run: " + (credits.audit().clean() ? "clean" : credits.audit().violations()));
        } finally {
            app.close();
        }
    }

    /** Users with accounts holding plenty, each with the grant that funded it (so the audit stays clean). */
    private static List<UUID> seed(JdbcClient jdbc, int count) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into users (id, email, name, password_hash, role, created_at)
                select gen_random_uuid(), 'bench-' || :tag || '-' || i || '@bench.test', 'Bench', 'x', 'user', now()
                from generate_series(1, :count) i
                """).param("tag", tag).param("count", count).update();
        List<UUID> users = jdbc.sql("select id from users where email like :pattern")
                .param("pattern", "bench-" + tag + "-%").query(UUID.class).list();
        jdbc.sql("""
                with accounts as (
                    insert into credit_accounts (user_id, balance, held, updated_at)
                    select id, :funds, 0, now() from users where id = any(:ids) returning user_id
                )
                insert into credit_ledger (user_id, kind, amount, held_change, balance_after, held_after, reference, created_at)
                select user_id, 'grant', :funds, 0, :funds, 0, 'bench-funding', now() from accounts
                """).param("funds", FUNDS).param("ids", users.toArray(UUID[]::new)).update();
        return users;
    }

    private static double run(String name, int threads, int warmup, int measure, List<UUID> users,
            java.util.function.Supplier<Pair> perThread) throws Exception {
        LongAdder pairs = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Pair pair = perThread.get();
            Thread worker = Thread.ofPlatform().start(() -> {
                try {
                    gate.await();
                    while (!stop.get()) {
                        pair.run(users.get(ThreadLocalRandom.current().nextInt(users.size())));
                        pairs.increment();
                    }
                    if (pair instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(worker);
        }
        gate.countDown();
        Thread.sleep(warmup * 1000L);
        long before = pairs.sum();
        long start = System.nanoTime();
        Thread.sleep(measure * 1000L);
        long done = pairs.sum() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + " failed", failures.getFirst());
        }
        double rate = done / seconds;
        System.out.printf("%-32s %,10.0f pairs/s%n", name, rate);
        return rate;
    }

    /** The same two statements, prepared once on a connection of its own, parameters set by hand. */
    private static Pair bare(String url, Clock clock) {
        try {
            Connection connection = DriverManager.getConnection(url);
            Statement place = new Statement(connection, HoldRows.PLACE);
            Statement capture = new Statement(connection, HoldRows.CAPTURE);
            return new BarePair(connection, place, capture, clock);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record BarePair(Connection connection, Statement place, Statement capture, Clock clock)
            implements Pair, AutoCloseable {
        @Override
        public void run(UUID user) throws SQLException {
            Timestamp now = Timestamp.from(clock.instant());
            UUID hold;
            try (ResultSet rs = place.execute(java.util.Map.of("id", UUID.randomUUID(), "user", user, "amount", 1L,
                    "reference", "bench:" + UUID.randomUUID(), "now", now))) {
                rs.next();
                hold = rs.getObject("placed_id", UUID.class);
            }
            try (ResultSet rs = capture.execute(java.util.Map.of("hold", hold, "amount", 1L, "now", now))) {
                rs.next();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** A named-parameter statement turned into a plain prepared statement once. */
    private static final class Statement {
        private final PreparedStatement prepared;
        private final List<String> names = new ArrayList<>();

        Statement(Connection connection, String sql) throws SQLException {
            Matcher matcher = PARAMETER.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(positional, "?");
            }
            matcher.appendTail(positional);
            this.prepared = connection.prepareStatement(positional.toString());
        }

        ResultSet execute(java.util.Map<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                Object value = values.get(names.get(i));
                if (value instanceof Timestamp timestamp) {
                    prepared.setTimestamp(i + 1, timestamp);
                } else {
                    prepared.setObject(i + 1, value);
                }
            }
            return prepared.executeQuery();
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
    }
}
