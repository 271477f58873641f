package dev.atelier.render.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PreviewRows {

    private final JdbcClient jdbc;

    PreviewRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Preview p) {
        jdbc.sql("""
                insert into render_previews (id, owner_id, project_id, project_version, length_ms, window_ms, timeline,
                    width, height, fps, project_height, windows, window_ends, status, rendered, reused, created_at,
                    finished_at)
                values (:id, :owner, :project, :version, :length, :window, cast(:timeline as jsonb), :width, :height,
                    :fps, :projectHeight, :windows, :ends, :status, 0, :reused, :created, :finished)
                """)
                .param("id", p.id()).param("owner", p.ownerId()).param("project", p.projectId())
                .param("version", p.projectVersion()).param("length", p.lengthMs()).param("window", p.windowMs())
                .param("timeline", p.timeline()).param("width", p.width()).param("height", p.height())
                .param("fps", p.fps()).param("projectHeight", p.projectHeight())
                .param("windows", p.windows().toArray(String[]::new))
                .param("ends", p.windowEnds().toArray(Long[]::new)).param("status", p.status())
                .param("reused", p.reused()).param("created", Timestamp.from(p.createdAt()))
                .param("finished", p.finishedAt() == null ? null : Timestamp.from(p.finishedAt()))
                .update();
    }

    Optional<Preview> find(UUID id) {
        return jdbc.sql("select * from render_previews where id = :id").param("id", id).query(PreviewRows::map).optional();
    }

    void rendered(UUID id) {
        jdbc.sql("update render_previews set rendered = rendered + 1 where id = :id").param("id", id).update();
    }

    boolean finish(UUID id, String status, String code, String message, Instant now) {
        return jdbc.sql("""
                update render_previews set status = :status, error_code = :code, error_message = :message,
                    finished_at = :now where id = :id and status = 'running'
                """).param("id", id).param("status", status).param("code", code).param("message", message)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    int deleteOlderThan(Instant before) {
        return jdbc.sql("delete from render_previews where created_at < :before and status <> 'running'")
                .param("before", Timestamp.from(before)).update();
    }

    private static Preview map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Preview(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getLong("project_version"), rs.getLong("length_ms"),
                rs.getLong("window_ms"), rs.getString("timeline"), rs.getInt("width"), rs.getInt("height"),
                rs.getInt("fps"), rs.getInt("project_height"), strings(rs.getArray("windows")),
                longs(rs.getArray("window_ends")), rs.getString("status"), rs.getInt("rendered"), rs.getInt("reused"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
