package dev.atelier.editor.internal;

import dev.atelier.editor.OutputSettings;
import dev.atelier.editor.Project;
import dev.atelier.editor.Timeline;
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
import tools.jackson.databind.ObjectMapper;

/**
 * The projects table. Every change is one UPDATE guarded by the version the caller saw
 * ({@code where version = :expected}) that moves it on by one: the compare-and-set behind the ETag.
 */
@Repository
class ProjectRows {

    private static final String SUMMARY = "id, owner_id, name, width, height, fps, version, length_ms, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ProjectRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Project p) {
        jdbc.sql("""
                insert into projects (id, owner_id, name, width, height, fps, timeline, version, length_ms, created_at, updated_at)
                values (:id, :owner, :name, :width, :height, :fps, cast(:timeline as jsonb), :version, :length, :created, :updated)""")
                .param("id", p.id()).param("owner", p.ownerId()).param("name", p.name())
                .param("width", p.output().width()).param("height", p.output().height()).param("fps", p.output().fps())
                .param("timeline", json.writeValueAsString(p.timeline())).param("version", p.version())
                .param("length", p.lengthMs()).param("created", ts(p.createdAt())).param("updated", ts(p.updatedAt()))
                .update();
    }

    Optional<Project> find(UUID id) {
        return jdbc.sql("select " + SUMMARY + ", timeline::text as timeline from projects where id = :id")
                .param("id", id).query(this::project).optional();
    }

    /** Replaces the timeline if the row is still at {@code expected}; false when someone else changed it first. */
    boolean replaceTimeline(UUID id, long expected, Timeline timeline, Instant now) {
        return jdbc.sql("""
                update projects set timeline = cast(:timeline as jsonb), length_ms = :length, version = version + 1,
                    updated_at = :now
                where id = :id and version = :expected""")
                .param("id", id).param("expected", expected).param("timeline", json.writeValueAsString(timeline))
                .param("length", timeline.lengthMs()).param("now", ts(now)).update() == 1;
    }

    /** Renames and changes the output if the row is still at {@code expected}. */
    boolean update(UUID id, long expected, String name, OutputSettings output, Instant now) {
        return jdbc.sql("""
                update projects set name = :name, width = :width, height = :height, fps = :fps,
                    version = version + 1, updated_at = :now
                where id = :id and version = :expected""")
                .param("id", id).param("expected", expected).param("name", name).param("width", output.width())
                .param("height", output.height()).param("fps", output.fps()).param("now", ts(now)).update() == 1;
    }

    /** Deletes the row and answers what it held (for unpinning), or empty when it was already gone. */
    Optional<Project> delete(UUID id) {
        return jdbc.sql("delete from projects where id = :id returning " + SUMMARY + ", timeline::text as timeline")
                .param("id", id).query(this::project).optional();
    }

    /** A page of the owner's projects, newest first. */
    List<ProjectSummary> page(UUID ownerId, PageRequest page) {
        String after = page.first() ? "" : " and (created_at, id) < (:at, :after)";
        var sql = jdbc.sql("select " + SUMMARY + " from projects where owner_id = :owner" + after
                        + " order by created_at desc, id desc limit :limit")
                .param("owner", ownerId).param("limit", page.fetchSize());
        if (!page.first()) {
            sql = sql.param("at", ts(page.instant(0))).param("after", page.uuid(1));
        }
        return sql.query(ProjectRows::summary).list();
    }

    long count(UUID ownerId) {
        return jdbc.sql("select count(*) from projects where owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
    }

    private Project project(ResultSet rs, int row) throws SQLException {
        ProjectSummary s = summary(rs, row);
        return new Project(s.id(), s.ownerId(), s.name(), s.output(),
                json.readValue(rs.getString("timeline"), Timeline.class), s.version(), s.createdAt(), s.updatedAt());
    }

    private static ProjectSummary summary(ResultSet rs, int row) throws SQLException {
        return new ProjectSummary(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), new OutputSettings(rs.getInt("width"), rs.getInt("height"), rs.getInt("fps")),
                rs.getLong("version"), rs.getLong("length_ms"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
