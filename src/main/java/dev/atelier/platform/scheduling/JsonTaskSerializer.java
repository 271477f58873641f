package dev.atelier.platform.scheduling;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.ObjectMapper;

/**
 * Task data as JSON, not Java serialization: readable in the table, and a renamed field
 * does not make a scheduled task undeserializable forever.
 */
class JsonTaskSerializer implements Serializer {

    private final ObjectMapper json;

    JsonTaskSerializer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return bytes == null ? null : json.readValue(bytes, type);
    }
}
