package dev.atelier.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * bench/history: one user with 1,000,000 generations; the first, a middle and the last page of
 * {@code GET /api/v1/generations} reached by cursor, each timed many times over HTTP; medians,
 * and the query plans of the keyset query behind them. Run with bench/history/run.sh.
 */
public final class HistoryBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int limit = 100;
        try (BenchServer server = new BenchServer("atelier.database.embedded-durable=false")) {
            String[] user = server.signUp();
            String token = user[0];
            UUID owner = UUID.fromString(user[1]);
            JdbcClient jdbc = server.context.getBean(JdbcClient.class);
            long began = System.nanoTime();
            jdbc.sql("""
                    insert into generations (id, owner_id, model, kind, provider, prompt, params, status, price,
                        cost_held, cost_charged, cost_released, deadline, created_at, finished_at, updated_at)
                    select gen_random_uuid(), :owner, 'local/sketch', 'image', 'local',
                        'a sketch of item ' || i, '{}'::jsonb, 'succeeded', '{}'::jsonb, 1, 1, 0,
                        t, t, t, t
                    from generate_series(1, :rows) i,
                        lateral (select timestamptz '2026-01-01' + i * interval '1 second') as at(t)""")
                    .param("owner", owner).param("rows", rows).update();
            jdbc.sql("vacuum analyze generations").update();
            System.out.printf("bench/history: %,d generations of one user inserted in %.1f s (%s)%n", rows,
                    (System.nanoTime() - began) / 1e9, BenchServer.machine());

            String middle = null;
            String last = null;
            String cursor = null;
            int pages = (rows + limit - 1) / limit;
            for (int page = 1; page < pages; page++) {
                JsonNode body = server.get("/api/v1/generations?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token);
                cursor = body.get("nextCursor").asString();
                if (page == pages / 2) {
                    middle = cursor;
                }
            }
            last = cursor;
            report(server, token, "first page", "/api/v1/generations?limit=" + limit, repeats);
            report(server, token, "middle page (" + pages / 2 + ")", "/api/v1/generations?limit=" + limit + "&cursor=" + middle, repeats);
            report(server, token, "last page (" + pages + ")", "/api/v1/generations?limit=" + limit + "&cursor=" + last, repeats);

            explain(jdbc, "first page", owner, -1);
            explain(jdbc, "last page", owner, (pages - 1) * limit - 1);
        }
    }

    private static void report(BenchServer server, String token, String label, String path, int repeats) throws Exception {
        double[] millis = new double[repeats];
        int size = 0;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            size = server.get(path, token).get("data").size();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-22s %3d rows  median %6.2f ms  p90 %6.2f ms  (%d requests)%n", label, size,
                millis[repeats / 2], millis[repeats * 9 / 10], repeats);
    }

    /** Explains the keyset query after the row at {@code position} (-1: the first page). */
    private static void explain(JdbcClient jdbc, String label, UUID owner, int position) {
        String keyset = position < 0 ? "" : " and (g.created_at, g.id) < (:at, :id)";
        var query = jdbc.sql("explain (analyze, buffers, costs off) select g.* from generations g where g.owner_id = :owner"
                + keyset + " order by g.created_at desc, g.id desc limit 101").param("owner", owner);
        if (position >= 0) {
            var row = jdbc.sql("select created_at, id from generations where owner_id = :o order by created_at desc, id desc"
                    + " offset :p limit 1").param("o", owner).param("p", position).query().singleRow();
            query = query.param("at", row.get("created_at")).param("id", row.get("id"));
        }
        List<String> plan = new ArrayList<>(query.query(String.class).list());
        System.out.println("plan, " + label + " (the keyset query of GenerationRows.page):");
        plan.forEach(line -> System.out.println("  " + line));
    }
}
