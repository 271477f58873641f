package dev.atelier.render.internal;

import dev.atelier.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the export rows; every state change is a compare-and-set on the status. */
@Repository
class ExportRows {

    private final JdbcClient jdbc;

    ExportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Export e) {
        jdbc.sql("""
                insert into render_exports (id, owner_id, project_id, project_version, timeline, width, height, fps, project_height,
                    resolution, format, length_ms, status, progress, price, hold_id, cost_held, deadline, created_at,
                    updated_at)
                values (:id, :owner, :project, :version, cast(:timeline as jsonb), :width, :height, :fps, :projectHeight, :resolution,
                    :format, :length, :status, 0, cast(:price as jsonb), :hold, :held, :deadline, :created, :created)
                """)
                .param("id", e.id()).param("owner", e.ownerId()).param("project", e.projectId())
                .param("version", e.projectVersion()).param("timeline", e.timeline()).param("width", e.width())
                .param("height", e.height()).param("fps", e.fps()).param("projectHeight", e.projectHeight()).param("resolution", e.resolution())
                .param("format", e.format()).param("length", e.lengthMs()).param("status", e.status().value())
                .param("price", e.price()).param("hold", e.holdId()).param("held", e.costHeld())
                .param("deadline", ts(e.deadline())).param("created", ts(e.createdAt()))
                .update();
    }

    Optional<Export> find(UUID id) {
        return jdbc.sql("select * from render_exports where id = :id").param("id", id).query(ExportRows::map).optional();
    }

    /** A page newest first ({@code limit + 1} rows), of one owner's exports of one project. */
    List<Export> page(UUID ownerId, UUID projectId, PageRequest page) {
        String after = page.first() ? "" : " and (created_at, id) < (:createdAt, :lastId)";
        var sql = jdbc.sql("select * from render_exports where owner_id = :owner and project_id = :project" + after
                        + " order by created_at desc, id desc limit :limit")
                .param("owner", ownerId).param("project", projectId).param("limit", page.fetchSize());
        if (!page.first()) {
            sql = sql.param("createdAt", ts(page.instant(0))).param("lastId", page.uuid(1));
        }
        return sql.query(ExportRows::map).list();
    }

    /** queued → running, or running → running again (a rerun after a node died); counts the attempt. */
    boolean start(UUID id, RenderStatus from, String worker, Instant now) {
        return jdbc.sql("""
                update render_exports set status = 'running', worker = :worker, attempts = attempts + 1,
                    started_at = coalesce(started_at, :now), progress = 0, eta_seconds = null, updated_at = :now
                where id = :id and status = :from
                """).param("id", id).param("from", from.value()).param("worker", worker).param("now", ts(now))
                .update() == 1;
    }

    boolean progress(UUID id, int progress, Integer etaSeconds, Instant now) {
        return jdbc.sql("""
                update render_exports set progress = greatest(progress, :progress), eta_seconds = :eta, updated_at = :now
                where id = :id and status = 'running'
                """).param("id", id).param("progress", progress).param("eta", etaSeconds).param("now", ts(now))
                .update() == 1;
    }

    boolean succeed(UUID id, UUID assetId, long charged, Instant now) {
        return jdbc.sql("""
                update render_exports set status = 'succeeded', progress = 100, eta_seconds = 0,
                    output_asset_id = :asset, cost_charged = :charged, finished_at = :now, updated_at = :now
                where id = :id and status = 'running'
                """).param("id", id).param("asset", assetId).param("charged", charged).param("now", ts(now))
                .update() == 1;
    }

    boolean end(UUID id, RenderStatus from, RenderStatus to, String code, String message, Instant now) {
        return jdbc.sql("""
                update render_exports set status = :to, error_code = :code, error_message = :message,
                    eta_seconds = null, cost_charged = 0, finished_at = :now, updated_at = :now
                where id = :id and status = :from
                """).param("id", id).param("from", from.value()).param("to", to.value()).param("code", code)
                .param("message", message).param("now", ts(now)).update() == 1;
    }

    /** A remote worker's video arrived (once, while running). */
    boolean uploaded(UUID id, UUID assetId) {
        return jdbc.sql("""
                update render_exports set uploaded_asset_id = :asset
                where id = :id and status = 'running' and uploaded_asset_id is null
                """).param("id", id).param("asset", assetId).update() == 1;
    }

    /** Active exports past their deadline, for the sweeper. */
    List<UUID> overdue(Instant now, int limit) {
        return jdbc.sql("select id from render_exports where status in ('queued', 'running') and deadline < :now limit :limit")
                .param("now", ts(now)).param("limit", limit).query(UUID.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Export map(ResultSet rs, int row) throws SQLException {
        return new Export(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getLong("project_version"), rs.getString("timeline"),
                rs.getInt("width"), rs.getInt("height"), rs.getInt("fps"), rs.getInt("project_height"), rs.getString("resolution"),
                rs.getString("format"), rs.getLong("length_ms"), RenderStatus.of(rs.getString("status")),
                rs.getInt("progress"), (Integer) rs.getObject("eta_seconds"), rs.getInt("attempts"),
                rs.getString("worker"), rs.getObject("output_asset_id", UUID.class),
                rs.getObject("uploaded_asset_id", UUID.class), rs.getString("price"),
                rs.getObject("hold_id", UUID.class), rs.getLong("cost_held"), (Long) rs.getObject("cost_charged"),
                rs.getString("error_code"), rs.getString("error_message"), instant(rs, "deadline"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "updated_at"));
    }
}
