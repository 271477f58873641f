package dev.atelier.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description tells clients the whole document and every answer. */
@AtelierTest
class EditorOpenApiTest {

    @Autowired
    Api api;

    @Test
    void theTimelineDocumentAndTheProjectEndpointsAreDescribed() {
        JsonNode docs = api.get("/v3/api-docs").send().json();
        JsonNode schemas = docs.get("components").get("schemas");

        assertThat(schemas.get("Timeline").get("properties").propertyNames())
                .containsExactlyInAnyOrder("schemaVersion", "video", "text", "audio", "ducking");
        assertThat(schemas.get("VideoClip").get("properties").propertyNames()).containsExactlyInAnyOrder(
                "id", "assetId", "startMs", "durationMs", "trimInMs", "speed", "fit", "volume", "motion");
        assertThat(schemas.get("VideoClip").get("required").toString()).contains("startMs", "durationMs", "assetId");
        assertThat(schemas.get("TextClip").get("properties").get("font").toString()).contains("sans-bold");
        assertThat(schemas.get("Transition").get("properties").get("type").toString()).contains("fadeblack");
        assertThat(schemas.get("Project").get("properties").propertyNames())
                .contains("timeline", "version", "lengthMs", "output");

        JsonNode put = docs.get("paths").get("/api/v1/projects/{id}/timeline").get("put");
        assertThat(put.get("operationId").asString()).isEqualTo("replaceProjectTimeline");
        assertThat(put.get("requestBody").toString()).contains("#/components/schemas/Timeline");
        assertThat(put.get("responses").propertyNames()).contains("200", "404", "412", "422", "428");
        assertThat(put.get("responses").get("422").get("content").has("application/problem+json")).isTrue();
        for (String name : java.util.List.of("Timeline", "VideoClip", "TextClip", "AudioClip", "Ducking", "OutputSettings",
                "ProjectOutputRequest")) {
            schemas.get(name).get("properties").forEach(property -> assertThat(
                    property.path("type").asString("").equals("integer") && property.has("enum"))
                    .as(name + ": an integer with a list of string values no integer matches").isFalse());
        }
        JsonNode limit = docs.get("paths").get("/api/v1/projects").get("get").get("parameters").get(0);
        assertThat(limit.get("schema").get("type").asString()).isEqualTo("integer");
        assertThat(docs.get("paths").get("/api/v1/projects").get("post").get("responses").has("201")).isTrue();
        assertThat(docs.get("paths").get("/api/v1/projects/{id}").get("delete").get("responses").has("204")).isTrue();
    }
}
