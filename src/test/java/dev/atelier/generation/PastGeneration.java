package dev.atelier.generation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generation written straight into the table, so history tests can choose its time, model and
 * state without running it.
 */
public record PastGeneration(String model, String prompt, String status, Instant createdAt) {

    private static final Map<String, String> KINDS = Map.of(
            "local/sketch", "image", "local/tune", "music", "local/voice", "speech", "local/motion", "video");

    public static PastGeneration of(String model, String prompt) {
        return new PastGeneration(model, prompt, "succeeded", Instant.parse("2026-01-01T00:00:00Z"));
    }

    public PastGeneration status(String value) {
        return new PastGeneration(model, prompt, value, createdAt);
    }

    public PastGeneration at(Instant value) {
        return new PastGeneration(model, prompt, status, value);
    }

    public String kind() {
        return KINDS.get(model);
    }

    /**
     * Stores it as {@code owner}'s and answers its id. It has no credit hold, so a queued or running
     * one gets a deadline far ahead: the context's timeout sweep must never try to end it (releasing
     * a hold that does not exist fails, and the error shows up in other tests' captured output).
     */
    public UUID storeFor(UUID owner, JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(createdAt);
        boolean active = status.equals("queued") || status.equals("running");
        Timestamp deadline = active ? Timestamp.from(createdAt.plus(Duration.ofDays(36500))) : at;
        jdbc.sql("""
                insert into generations (id, owner_id, model, kind, provider, prompt, params, status, price, cost_held,
                    deadline, created_at, updated_at)
                values (:id, :owner, :model, :kind, 'local', :prompt, '{}', :status,
                    '{"unit": "per_output", "credits": 1, "minimum": 1}', 1, :deadline, :at, :at)""")
                .param("id", id).param("owner", owner).param("model", model).param("kind", kind())
                .param("prompt", prompt).param("status", status).param("at", at).param("deadline", deadline)
                .update();
        return id;
    }
}
