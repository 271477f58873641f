package dev.atelier.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * bench/history: one user with 1,000,000 generations; the first, a middle and the last page of
 * {@code GET /api/v1/generations} reached by cursor, each timed many times over HTTP; medians,
 * and the query plans of the keyset query behind them. Run with bench/history/run.sh.
 *
 * <p>The history looks like a real one: the four local models in turn, one in ten failed, every
 * success with an output asset in the library (so each page also signs its output URLs), prompts
 * of a few words with a rare one ("zebra") in one of every thousand. Besides the plain list, the
 * same three pages are timed with each kind of filter.
 */
public final class HistoryBench {

    /** The same SQL as GenerationRows.page, for EXPLAIN; {@code %s} is the filter and keyset. */
    private static final String PAGE_SQL = """
            select g.id, g.owner_id, g.model, g.kind, g.provider, g.prompt, g.params::text as params,
                g.input_asset_ids, g.status, g.progress, g.provider_job_id, g.attempts, g.poll_interval_ms,
                g.price::text as price, g.hold_id, g.cost_held, g.cost_charged, g.cost_released, g.error_code,
                g.error_message, g.late, g.deadline, g.created_at, g.started_at, g.finished_at, g.updated_at,
                array(select o.asset_id from generation_outputs o where o.generation_id = g.id order by o.position)
                    as outputs
            from generations g where g.owner_id = :owner%s order by g.created_at desc, g.id desc limit 101""";

    private record Scenario(String label, String query, String condition) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("all", "", ""),
            new Scenario("status=failed", "status=failed", " and g.status = 'failed'"),
            new Scenario("kind=music", "kind=music", " and g.kind = 'music'"),
            new Scenario("q=lighthouse", "q=lighthouse",
                    " and to_tsvector('simple', g.prompt) @@ plainto_tsquery('simple', 'lighthouse')"),
            new Scenario("q=zebra", "q=zebra",
                    " and to_tsvector('simple', g.prompt) @@ plainto_tsquery('simple', 'zebra')"));

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
            insertHistory(jdbc, owner, rows);
            System.out.printf("bench/history: %,d generations of one user (with their outputs) inserted in %.1f s"
                    + " (%s)%n", rows, (System.nanoTime() - began) / 1e9, BenchServer.machine());

            Map<String, double[]> medians = new LinkedHashMap<>();
            for (Scenario scenario : SCENARIOS) {
                String base = "/api/v1/generations?limit=" + limit + (scenario.query().isEmpty() ? "" : "&"
                        + scenario.query());
                List<String> cursors = walk(server, token, base);
                int pages = cursors.size() + 1;
                String middle = cursors.get(Math.max(0, pages / 2 - 1));
                String last = cursors.getLast();
                System.out.printf("%s: %,d pages of %d by cursor%n", scenario.label(), pages, limit);
                medians.put(scenario.label(), time(server, token, repeats, List.of("first page", base),
                        List.of("middle page (" + (pages / 2 + 1) + ")", base + "&cursor=" + middle),
                        List.of("last page (" + pages + ")", base + "&cursor=" + last)));
            }
            System.out.println("medians, ms (first / middle / last, last ÷ first):");
            medians.forEach((label, m) -> System.out.printf("  %-15s %6.2f / %6.2f / %6.2f  %.2f×%n", label, m[0], m[1],
                    m[2], m[2] / m[0]));
            for (Scenario scenario : SCENARIOS) {
                explain(jdbc, scenario, owner, false);
                explain(jdbc, scenario, owner, true);
            }
        }
    }

    private static void insertHistory(JdbcClient jdbc, UUID owner, int rows) {
        jdbc.sql("""
                insert into generations (id, owner_id, model, kind, provider, prompt, params, status, price,
                    cost_held, cost_charged, cost_released, error_code, deadline, created_at, started_at,
                    finished_at, updated_at)
                select gen_random_uuid(), :owner, m.model, m.kind, 'local',
                    m.words || ' number ' || i || case when i % 1000 = 7 then ' with a zebra' else '' end,
                    '{}'::jsonb, case when i % 10 = 3 then 'failed' else 'succeeded' end,
                    '{"unit": "per_output", "credits": 2, "minimum": 2}'::jsonb, 2,
                    case when i % 10 = 3 then 0 else 2 end, case when i % 10 = 3 then 2 else 0 end,
                    case when i % 10 = 3 then 'render_failed' end, t, t, t, t, t
                from generate_series(1, :rows) i,
                    lateral (select timestamptz '2026-01-01' + i * interval '1 second') as at(t),
                    lateral (select (array['local/sketch', 'local/tune', 'local/voice', 'local/motion'])[1 + i % 4],
                        (array['image', 'music', 'speech', 'video'])[1 + i % 4],
                        (array['a red lighthouse on a cliff', 'a calm piano evening', 'hello from the harbour',
                            'a teal harbour at dawn'])[1 + i % 4]) as m(model, kind, words)""")
                .param("owner", owner).param("rows", rows).update();
        jdbc.sql("""
                insert into media_assets (id, owner_id, kind, origin, media_type, bytes, sha256, width, height,
                    duration_ms, has_audio, name, thumbnail_type, created_at)
                select id, owner_id, case kind when 'image' then 'image' when 'video' then 'video' else 'audio' end,
                    'generation', case kind when 'image' then 'image/png' when 'video' then 'video/mp4'
                        else 'audio/mp4' end, 123456, 'bench', 1024, 1024, 5000, kind <> 'image',
                    'output ' || id, 'image/webp', finished_at
                from generations where owner_id = :owner and status = 'succeeded'""").param("owner", owner).update();
        jdbc.sql("""
                insert into generation_outputs (generation_id, position, asset_id)
                select id, 0, id from generations where owner_id = :owner and status = 'succeeded'""")
                .param("owner", owner).update();
        jdbc.sql("vacuum analyze generations").update();
        jdbc.sql("vacuum analyze generation_outputs").update();
        jdbc.sql("vacuum analyze media_assets").update();
    }

    /** Every page's next cursor, following the list to its end. */
    private static List<String> walk(BenchServer server, String token, String base) throws Exception {
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        while (true) {
            JsonNode body = server.get(base + (cursor == null ? "" : "&cursor=" + cursor), token);
            if (!body.get("hasMore").asBoolean()) {
                return cursors;
            }
            cursor = URLEncoder.encode(body.get("nextCursor").asString(), StandardCharsets.UTF_8);
            cursors.add(cursor);
        }
    }

    /**
     * Times each page {@code repeats} times, taking them in turns (first, middle, last, then
     * middle, last, first...) so that the machine's changing load falls on all of them alike.
     */
    @SafeVarargs
    private static double[] time(BenchServer server, String token, int repeats, List<String>... pages)
            throws Exception {
        double[][] millis = new double[pages.length][repeats];
        int[] sizes = new int[pages.length];
        for (int i = 0; i < repeats; i++) {
            for (int k = 0; k < pages.length; k++) {
                int p = (i + k) % pages.length;
                long start = System.nanoTime();
                sizes[p] = server.get(pages[p].get(1), token).get("data").size();
                millis[p][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        double[] medians = new double[pages.length];
        for (int p = 0; p < pages.length; p++) {
            Arrays.sort(millis[p]);
            medians[p] = millis[p][repeats / 2];
            System.out.printf("  %-22s %3d rows  median %6.2f ms  p90 %6.2f ms  (%d requests)%n", pages[p].get(0),
                    sizes[p], medians[p], millis[p][repeats * 9 / 10], repeats);
        }
        return medians;
    }

    /** Explains the page query: the first page, or the last one after its keyset. */
    private static void explain(JdbcClient jdbc, Scenario scenario, UUID owner, boolean lastPage) {
        String keyset = lastPage ? " and (g.created_at, g.id) < (:at, :id)" : "";
        var query = jdbc.sql("explain (analyze, buffers, costs off) "
                + PAGE_SQL.formatted(scenario.condition() + keyset)).param("owner", owner);
        if (lastPage) {
            int matching = jdbc.sql("select count(*) from generations g where g.owner_id = :owner"
                    + scenario.condition()).param("owner", owner).query(Integer.class).single();
            int position = Math.max(0, (matching - 1) / 100 * 100 - 1); // the last row before the last page
            var row = jdbc.sql("select g.created_at, g.id from generations g where g.owner_id = :owner"
                            + scenario.condition() + " order by g.created_at desc, g.id desc offset :p limit 1")
                    .param("owner", owner).param("p", position).query().singleRow();
            query = query.param("at", row.get("created_at")).param("id", row.get("id"));
        }
        System.out.println("plan, " + scenario.label() + ", " + (lastPage ? "last" : "first") + " page:");
        query.query(String.class).list().forEach(line -> System.out.println("  " + line));
    }
}
