package dev.atelier.generation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Announces a job's new state to every node through PostgreSQL {@code NOTIFY}, sent inside the
 * transaction that changed it: listeners hear it only if it committed, and a job changed on one
 * node reaches event streams held open by another. See {@link EventStreams}.
 */
@Component
class LiveUpdates {

    static final String CHANNEL = "generation_updates";
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    LiveUpdates(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void announce(Generation g, String status, Integer progress) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("ownerId", g.ownerId().toString());
        update.put("id", g.id().toString());
        update.put("status", status);
        update.put("progress", progress);
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL).param("payload", json.writeValueAsString(update))
                .query().singleRow();
    }
}
