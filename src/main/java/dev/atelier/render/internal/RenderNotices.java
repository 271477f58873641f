package dev.atelier.render.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Tells the owner's event streams ({@code GET /api/v1/events}, on any node) that an export or a
 * preview moved: a PostgreSQL {@code NOTIFY} on the channel those streams listen to, sent inside
 * the transaction that made the change (heard only if it committed). The {@code event} member
 * names the SSE event ({@code export.updated}, {@code preview.updated}).
 */
@Component
class RenderNotices {

    /** The channel of the live-updates listener (generation module's EventStreams). */
    static final String CHANNEL = "generation_updates";
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RenderNotices(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void export(Export e, String status, Integer progress, Integer etaSeconds) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("projectId", e.projectId().toString());
        if (etaSeconds != null) {
            extra.put("etaSeconds", etaSeconds);
        }
        send("export.updated", e.ownerId(), e.id(), status, progress, extra);
    }

    void preview(UUID ownerId, UUID previewId, UUID projectId, String status, int ready, int total) {
        send("preview.updated", ownerId, previewId, status, total == 0 ? 100 : ready * 100 / total,
                Map.of("projectId", projectId.toString(), "windowsReady", ready, "windows", total));
    }

    private void send(String event, UUID ownerId, UUID id, String status, Integer progress, Map<String, Object> extra) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("event", event);
        update.put("ownerId", ownerId.toString());
        update.put("id", id.toString());
        update.put("status", status);
        update.put("progress", progress);
        update.put("extra", extra);
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL).param("payload", json.writeValueAsString(update))
                .query().singleRow();
    }
}
