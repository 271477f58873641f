package dev.atelier.generation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Announces a job's new state to every node: records it as an event ({@code generation_events},
 * whose id is the SSE event id, kept {@link #RETENTION} for clients that reconnect with
 * {@code Last-Event-ID}) and sends it through PostgreSQL {@code NOTIFY}, both inside the
 * transaction that changed the job: listeners hear it, and replays find it, only if it committed;
 * a job changed on one node reaches event streams held open by another. See {@link EventStreams}.
 */
@Component
class LiveUpdates {

    static final String CHANNEL = "generation_updates";
    /** How long events stay replayable. */
    static final Duration RETENTION = Duration.ofMinutes(10);
    /** The most events one reconnection replays. */
    static final int MAX_REPLAY = 500;

    /** One recorded event: its id, owner and what the stream shows (with output asset ids). */
    record Recorded(long eventId, UUID ownerId, Map<String, Object> data) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    LiveUpdates(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records and sends an event of {@code g}: its event row and the notification that carries its id. */
    void announce(Generation g, String status, Integer progress) {
        announcing(jdbc.sql("""
                with changed as (select cast(:generation as uuid) as id, cast(:owner as uuid) as owner_id)
                """ + ANNOUNCE_CHANGED + "select count(*) from announced_jobs"),
                data(g.id(), status, progress, List.of()), clock.instant())
                .param("owner", g.ownerId()).param("generation", g.id())
                .query().singleRow();
    }

    /**
     * The CTEs that announce, in the statement that changes a job, the change of each job the CTE
     * {@code changed} answers ({@code id} and {@code owner_id}): its event row and its notification.
     * The main query must read {@code announced_jobs} (a select CTE runs only when read). Its
     * parameters are bound by {@link #announcing}, {@code :announcement} made by {@link #data}.
     */
    static final String ANNOUNCE_CHANGED = """
            , announced as (
                insert into generation_events (owner_id, generation_id, data, created_at)
                select changed.owner_id, changed.id, cast(:announcement as jsonb), :announced_at from changed
                returning id, owner_id)
            , announced_jobs as (
                select pg_notify(:announce_channel, json_build_object('eventId', announced.id,
                    'ownerId', cast(announced.owner_id as text), 'data', cast(:announcement as json))::text)
                from announced)
            """;

    /** {@code statement} with the parameters of its {@link #ANNOUNCE_CHANGED}. */
    static JdbcClient.StatementSpec announcing(JdbcClient.StatementSpec statement, String announcement, Instant now) {
        return statement.param("announcement", announcement).param("announced_at", Timestamp.from(now))
                .param("announce_channel", CHANNEL);
    }

    /** What an event of this job shows (the SSE data, outputs described when sent). */
    String data(UUID id, String status, Integer progress, List<UUID> outputs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("status", status);
        data.put("progress", progress);
        if (!outputs.isEmpty()) {
            data.put("outputs", outputs.stream().map(UUID::toString).toList());
        }
        return json.writeValueAsString(data);
    }

    /** The owner's events after {@code afterId} that are still kept, oldest first, at most {@link #MAX_REPLAY}. */
    @SuppressWarnings("unchecked")
    List<Recorded> since(UUID ownerId, long afterId) {
        Instant oldest = clock.instant().minus(RETENTION);
        return jdbc.sql("""
                select id, data::text as data from generation_events
                where owner_id = :owner and id > :after and created_at >= :oldest
                order by id limit :max""")
                .param("owner", ownerId).param("after", afterId).param("oldest", Timestamp.from(oldest))
                .param("max", MAX_REPLAY)
                .query((rs, n) -> new Recorded(rs.getLong("id"), ownerId,
                        (Map<String, Object>) json.readValue(rs.getString("data"), Map.class)))
                .list();
    }

    /** Forgets events older than {@link #RETENTION}; any node may do it, at any time. */
    int forgetOld() {
        return jdbc.sql("delete from generation_events where created_at < :oldest")
                .param("oldest", Timestamp.from(clock.instant().minus(RETENTION))).update();
    }
}
