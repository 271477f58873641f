package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationStatus;
import dev.atelier.platform.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The generations table. State changes are compare-and-sets on {@code status}. */
@Repository
class GenerationRows {

    private static final String COLUMNS = """
            g.id, g.owner_id, g.model, g.kind, g.provider, g.prompt, g.params::text as params, g.input_asset_ids,
            g.status, g.progress, g.provider_job_id, g.attempts, g.poll_interval_ms, g.price::text as price, g.hold_id,
            g.cost_held, g.cost_charged, g.cost_released, g.error_code, g.error_message, g.late, g.deadline,
            g.created_at, g.started_at, g.finished_at, g.updated_at, g.ran_model,
            array(select o.asset_id from generation_outputs o where o.generation_id = g.id order by o.position) as outputs""";

    // one type token for every row (an anonymous one per row was made and resolved again each time)
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() { };
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    GenerationRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Generation g) {
        jdbc.sql("""
                insert into generations (id, owner_id, model, kind, provider, prompt, params, input_asset_ids, status,
                    price, hold_id, cost_held, deadline, created_at, updated_at)
                values (:id, :owner, :model, :kind, :provider, :prompt, cast(:params as jsonb), :inputs, 'queued',
                    cast(:price as jsonb), :hold, :held, :deadline, :created, :created)""")
                .param("id", g.id()).param("owner", g.ownerId()).param("model", g.model()).param("kind", g.kind())
                .param("provider", g.provider()).param("prompt", g.prompt())
                .param("params", json.writeValueAsString(g.params()))
                .param("inputs", g.inputAssetIds().toArray(UUID[]::new))
                .param("price", g.price()).param("hold", g.holdId()).param("held", g.costHeld())
                .param("deadline", ts(g.deadline())).param("created", ts(g.createdAt()))
                .update();
    }

    Optional<Generation> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from generations g where g.id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** A job as a step found it, and whether this step moved it from queued to running. */
    record Stepped(Generation generation, boolean started) {
    }

    /**
     * queued → running if it is queued, its announcement ({@link LiveUpdates#ANNOUNCE_CHANGED} with
     * {@code announcement}), and the job, in one statement: one round trip, and no transaction around
     * it (the start and its announcement commit together all the same). The select sees the row as it
     * was before the update (same snapshot), so a started job is handed back as running here; a job
     * that is still queued but was not started lost the race to another worker (or is being
     * canceled): exactly what a read followed by the compare-and-set would have told.
     */
    Optional<Stepped> startIfQueued(UUID id, Instant now, String announcement) {
        return LiveUpdates.announcing(jdbc.sql("""
                with changed as (
                    update generations set status = 'running', started_at = :now, updated_at = :now
                    where id = :id and status = 'queued' returning id, owner_id)
                """ + LiveUpdates.ANNOUNCE_CHANGED + """
                select\s""" + COLUMNS + """
                , exists (select 1 from changed) as started_now, (select count(*) from announced_jobs) as announced
                from generations g where g.id = :id"""), announcement, now)
                .param("id", id).param("now", ts(now))
                .query((rs, n) -> {
                    Generation g = map(rs, n);
                    return rs.getBoolean("started_now") ? new Stepped(g.running(now), true) : new Stepped(g, false);
                })
                .optional();
    }

    /**
     * Moves {@code from} → {@code to}, records the money and the reason, records {@code outputs} (a
     * success's assets, in order) and announces it ({@link LiveUpdates#ANNOUNCE_CHANGED} with
     * {@code announcement}): one statement, which answers the job as it is then (with {@code outputs}
     * as its outputs), or empty if the row was not in {@code from} (then nothing changed).
     */
    Optional<Generation> finish(UUID id, GenerationStatus from, GenerationStatus to, Long charged, Long released,
            String errorCode, String errorMessage, boolean late, Instant now, List<UUID> outputs,
            String announcement) {
        GenerationStates.require(from, to);
        return LiveUpdates.announcing(jdbc.sql("""
                with changed as (
                    update generations set status = :to, cost_charged = coalesce(:charged, cost_charged),
                        cost_released = coalesce(:released, cost_released), error_code = :code, error_message = :message,
                        late = :late, progress = case when :to = 'succeeded' then 100 else progress end,
                        finished_at = :now, updated_at = :now
                    where id = :id and status = :from
                    returning *
                ), recorded as (
                    insert into generation_outputs (generation_id, position, asset_id)
                    select changed.id, output.n - 1, output.asset_id
                    from changed cross join unnest(cast(:outputs as uuid[])) with ordinality as output(asset_id, n)
                )
                """ + LiveUpdates.ANNOUNCE_CHANGED + """
                select\s""" + COLUMNS + """
                , (select count(*) from announced_jobs) as announced from changed g"""), announcement, now)
                .param("id", id).param("from", from.value()).param("to", to.value())
                .param("charged", charged).param("released", released)
                .param("code", errorCode).param("message", errorMessage).param("late", late).param("now", ts(now))
                .param("outputs", outputs.toArray(UUID[]::new))
                .query(this::map).optional()
                // the select does not see the rows this statement inserted; a job gets outputs only here
                .map(g -> outputs.isEmpty() ? g : g.withOutputs(outputs));
    }

    void acceptedByProvider(UUID id, String providerJobId, long pollIntervalMs, Instant now) {
        jdbc.sql("""
                update generations set provider_job_id = :job, poll_interval_ms = :interval, attempts = 0, updated_at = :now
                where id = :id and status = 'running'""")
                .param("id", id).param("job", providerJobId).param("interval", pollIntervalMs).param("now", ts(now))
                .update();
    }

    void polled(UUID id, Integer progress, long pollIntervalMs, Instant now) {
        jdbc.sql("""
                update generations set progress = coalesce(:progress, progress), poll_interval_ms = :interval,
                    attempts = 0, updated_at = :now
                where id = :id and status = 'running'""")
                .param("id", id).param("progress", progress).param("interval", pollIntervalMs).param("now", ts(now))
                .update();
    }

    /** Raises a running job's progress; false when it is no longer running or was as far already. */
    boolean progressed(UUID id, int progress, Instant now) {
        return jdbc.sql("""
                update generations set progress = :progress, updated_at = :now
                where id = :id and status = 'running' and (progress is null or progress < :progress)""")
                .param("id", id).param("progress", progress).param("now", ts(now))
                .update() == 1;
    }

    /**
     * Runs a running job on {@code fallback} instead (its provider, priced by its rule from now on);
     * false when the job is no longer running or has already been handed to a provider.
     */
    boolean runOn(UUID id, String fallback, String provider, Map<String, Object> params, String price, Instant now) {
        return jdbc.sql("""
                update generations set ran_model = :fallback, provider = :provider, params = cast(:params as jsonb),
                    price = cast(:price as jsonb), updated_at = :now
                where id = :id and status = 'running' and provider_job_id is null""")
                .param("id", id).param("fallback", fallback).param("provider", provider)
                .param("params", json.writeValueAsString(params)).param("price", price).param("now", ts(now))
                .update() == 1;
    }

    /** The active (or timed-out, still polled) job a provider knows by {@code providerJobId}. */
    Optional<Generation> findByProviderJob(String provider, String providerJobId) {
        return jdbc.sql("select " + COLUMNS + " from generations g where g.provider = :provider "
                        + "and g.provider_job_id = :job order by g.created_at desc limit 1")
                .param("provider", provider).param("job", providerJobId).query(this::map).optional();
    }

    /** Counts a retryable failure; answers the attempts so far. */
    int failedAttempt(UUID id, Instant now) {
        return jdbc.sql("update generations set attempts = attempts + 1, updated_at = :now where id = :id returning attempts")
                .param("id", id).param("now", ts(now)).query(Integer.class).optional().orElse(0);
    }

    /** Active jobs whose deadline has passed, oldest first. */
    List<UUID> overdue(Instant now, int limit) {
        return jdbc.sql("""
                select id from generations where status in ('queued', 'running') and deadline <= :now
                order by deadline limit :limit""")
                .param("now", ts(now)).param("limit", limit).query(UUID.class).list();
    }

    void delete(UUID id) {
        jdbc.sql("delete from generations where id = :id").param("id", id).update();
    }

    record Filters(String kind, GenerationStatus status, String model, String text) {
    }

    /** A page of the owner's history, newest first; every filter has an index led by the owner. */
    List<Generation> page(UUID ownerId, Filters filters, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from generations g where g.owner_id = :owner");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", ownerId);
        if (filters.kind() != null) {
            sql.append(" and g.kind = :kind");
            params.put("kind", filters.kind());
        }
        if (filters.status() != null) {
            sql.append(" and g.status = :status");
            params.put("status", filters.status().value());
        }
        if (filters.model() != null) {
            sql.append(" and g.model = :model");
            params.put("model", filters.model());
        }
        if (filters.text() != null) {
            sql.append(" and to_tsvector('simple', g.prompt) @@ plainto_tsquery('simple', :text)");
            params.put("text", filters.text());
        }
        if (!page.first()) {
            sql.append(" and (g.created_at, g.id) < (:at, :after)");
            params.put("at", ts(page.instant(0)));
            params.put("after", page.uuid(1));
        }
        sql.append(" order by g.created_at desc, g.id desc limit :limit");
        params.put("limit", page.fetchSize());
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private Generation map(ResultSet rs, int row) throws SQLException {
        return new Generation(
                rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("model"),
                rs.getString("kind"), rs.getString("provider"), rs.getString("prompt"),
                json.readValue(rs.getString("params"), PARAMS),
                uuids(rs.getArray("input_asset_ids")), GenerationStatus.of(rs.getString("status")),
                (Integer) rs.getObject("progress"), rs.getString("provider_job_id"), rs.getInt("attempts"),
                (Long) rs.getObject("poll_interval_ms"), rs.getString("price"), rs.getObject("hold_id", UUID.class),
                rs.getLong("cost_held"), (Long) rs.getObject("cost_charged"), (Long) rs.getObject("cost_released"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getBoolean("late"),
                instant(rs, "deadline"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "updated_at"), uuids(rs.getArray("outputs")),
                rs.getString("ran_model"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
