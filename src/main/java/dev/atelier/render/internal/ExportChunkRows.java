package dev.atelier.render.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the pieces of chunked exports; a piece's state changes are compare-and-sets on its status. */
@Repository
class ExportChunkRows {

    private final JdbcClient jdbc;

    ExportChunkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the piece unless it is there (a coordinator that runs again plans the same pieces). */
    void plan(UUID exportId, int n, long fromMs, long toMs, Instant now) {
        jdbc.sql("""
                insert into render_export_chunks (export_id, n, from_ms, to_ms, status, updated_at)
                values (:export, :n, :from, :to, 'pending', :now) on conflict do nothing
                """).param("export", exportId).param("n", n).param("from", fromMs).param("to", toMs)
                .param("now", ts(now)).update();
    }

    List<ExportChunk> of(UUID exportId) {
        return jdbc.sql("select * from render_export_chunks where export_id = :export order by n")
                .param("export", exportId).query(ExportChunkRows::map).list();
    }

    Optional<ExportChunk> find(UUID exportId, int n) {
        return jdbc.sql("select * from render_export_chunks where export_id = :export and n = :n")
                .param("export", exportId).param("n", n).query(ExportChunkRows::map).optional();
    }

    /** pending → running, or running → running again (its node died); counts the attempt. */
    boolean start(UUID exportId, int n, String node, Instant now) {
        return jdbc.sql("""
                update render_export_chunks set status = 'running', node = :node, attempts = attempts + 1, out_us = 0,
                    updated_at = :now
                where export_id = :export and n = :n and status in ('pending', 'running')
                """).param("export", exportId).param("n", n).param("node", node).param("now", ts(now)).update() == 1;
    }

    void progress(UUID exportId, int n, long outMicros, Instant now) {
        jdbc.sql("""
                update render_export_chunks set out_us = :us, updated_at = :now
                where export_id = :export and n = :n and status = 'running'
                """).param("export", exportId).param("n", n).param("us", outMicros).param("now", ts(now)).update();
    }

    /** running → done with its file; false when it was no longer running (the caller drops the file). */
    boolean done(UUID exportId, int n, UUID fileId, Instant now) {
        return jdbc.sql("""
                update render_export_chunks set status = 'done', file_id = :file, updated_at = :now
                where export_id = :export and n = :n and status = 'running'
                """).param("export", exportId).param("n", n).param("file", fileId).param("now", ts(now)).update() == 1;
    }

    boolean fail(UUID exportId, int n, String code, String message, Instant now) {
        return jdbc.sql("""
                update render_export_chunks set status = 'failed', error_code = :code, error_message = :message,
                    updated_at = :now
                where export_id = :export and n = :n and status in ('pending', 'running')
                """).param("export", exportId).param("n", n).param("code", code).param("message", message)
                .param("now", ts(now)).update() == 1;
    }

    /** The piece's file was removed (the row stays as the record of who rendered it, how often). */
    void forget(UUID exportId, int n) {
        jdbc.sql("update render_export_chunks set file_id = null where export_id = :export and n = :n")
                .param("export", exportId).param("n", n).update();
    }

    /** Exports that ended (any way) whose pieces still have files: those are to be removed. */
    List<UUID> ofEndedExports(int limit) {
        return jdbc.sql("""
                select distinct c.export_id from render_export_chunks c join render_exports e on e.id = c.export_id
                where e.status not in ('queued', 'running') and c.file_id is not null limit :limit
                """).param("limit", limit).query(UUID.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static ExportChunk map(ResultSet rs, int row) throws SQLException {
        return new ExportChunk(rs.getObject("export_id", UUID.class), rs.getInt("n"), rs.getLong("from_ms"),
                rs.getLong("to_ms"), rs.getString("status"), rs.getInt("attempts"), rs.getString("node"),
                rs.getLong("out_us"), rs.getObject("file_id", UUID.class), rs.getString("error_code"),
                rs.getString("error_message"));
    }
}
