package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the published description promises of every operation, whichever module it comes from. */
@AtelierTest
class ApiDescriptionTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    Api api;

    JsonNode docs;

    @BeforeEach
    void fetch() throws Exception {
        Api.Response response = api.get("/v3/api-docs").send();
        assertThat(response.status()).isEqualTo(200);
        docs = response.json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-docs.json"), response.text()); // for linters and people
    }

    @Test
    void everyOperationIsNamedSummarisedTaggedAndAnswersSomethingSuccessful() {
        assertThat(docs.path("x-operations-without-success-response").isMissingNode())
                .as("operations without a 2xx/3xx (give them @ResponseStatus): %s",
                        docs.path("x-operations-without-success-response")).isTrue();
        Set<String> ids = new HashSet<>();
        operations().forEach((name, operation) -> {
            assertThat(operation.path("operationId").asString("")).as(name).matches("[a-z][A-Za-z0-9]+");
            assertThat(ids.add(operation.path("operationId").asString())).as("unique id of " + name).isTrue();
            assertThat(operation.path("summary").asString("")).as(name).isNotBlank();
            assertThat(operation.path("tags").size()).as(name).isEqualTo(1);
            assertThat(operation.path("tags").get(0).asString()).as(name).doesNotEndWith("-controller");
        });
    }

    @Test
    void noTwoTypesShareASchemaName() {
        assertThat(docs.path("x-schema-name-clashes").isMissingNode())
                .as("schema names used by two types: %s", docs.path("x-schema-name-clashes")).isTrue();
        assertThat(docs.path("components").path("schemas").propertyNames())
                .contains("UserChange", "ModelChange", "CreditChange", "Problem");
    }

    @Test
    void everyErrorIsAProblemDocumentAndEveryResponseHasARequestId() {
        operations().forEach((name, operation) -> operation.path("responses").properties().forEach(entry -> {
            JsonNode response = entry.getValue();
            assertThat(response.path("headers").has("X-Request-Id")).as(name + " " + entry.getKey()).isTrue();
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                assertThat(response.path("content").propertyNames()).as(name + " " + entry.getKey())
                        .containsExactly("application/problem+json");
            } else {
                assertThat(response.path("content").propertyNames()).as(name + " " + entry.getKey())
                        .doesNotContain("*/*");
            }
        }));
    }

    @Test
    void publicOperationsNeedNoCredentialsAndTheOthersSayWhatTheyNeed() {
        Map<String, JsonNode> operations = operations();
        for (String name : List.of("POST /api/v1/auth/signup", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
                "POST /api/v1/auth/logout", "GET /media/{id}", "GET /media/{id}/thumbnail",
                "POST /api/v1/webhooks/providers/{provider}")) {
            assertThat(operations.get(name).path("security").isArray()).as(name).isTrue();
            assertThat(operations.get(name).path("security").size()).as(name).isZero();
        }
        operations.forEach((name, operation) -> {
            if (name.contains(" /api/") && !name.contains("/api/v1/auth/") && !name.contains("/webhooks/providers/")) {
                assertThat(operation.path("responses").has("401")).as(name).isTrue();
                assertThat(operation.path("security").isMissingNode() || operation.path("security").size() > 0)
                        .as(name).isTrue();
            }
        });
        assertThat(operations.get("GET /api/v1/admin/users").path("responses").path("403").path("description")
                .asString()).contains("admin_only");
        assertThat(operations.get("POST /api/v1/generations").path("responses").path("403").path("description")
                .asString()).contains("missing_scope");
    }

    @Test
    void successCodesHeadersAndBodiesAreTheRealOnes() {
        Map<String, JsonNode> operations = operations();
        JsonNode submit = operations.get("POST /api/v1/generations").path("responses");
        assertThat(submit.has("202")).isTrue();
        assertThat(submit.path("202").path("headers").path("Location").path("required").asBoolean()).isTrue();
        assertThat(submit.has("429")).isTrue();
        assertThat(submit.path("429").path("headers").has("Retry-After")).isTrue();
        assertThat(operations.get("POST /api/v1/generations").path("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(operations.get("POST /api/v1/api-keys").path("responses").has("201")).isTrue();
        assertThat(operations.get("DELETE /api/v1/assets/{id}").path("responses").has("204")).isTrue();
        assertThat(operations.get("GET /api/v1/assets/{id}/content").path("responses").has("302")).isTrue();
        assertThat(operations.get("GET /media/{id}").path("responses").propertyNames()).contains("200", "206", "304");
        assertThat(operations.get("GET /media/{id}").path("parameters").toString()).contains("\"Range\"");
        assertThat(operations.get("POST /api/v1/uploads").path("requestBody").path("content")
                .has("multipart/form-data")).isTrue();
        assertThat(operations.get("GET /api/v1/events").path("responses").path("200").path("content")
                .has("text/event-stream")).isTrue();
        assertThat(operations.get("POST /api/v1/generations/{id}/cancel").path("responses").path("409")
                .path("description").asString()).contains("generationStatus");
        assertThat(operations.get("DELETE /api/v1/generations/{id}").path("description").asString())
                .contains("deletes its outputs");
        JsonNode limit = parameter(operations.get("GET /api/v1/generations"), "limit");
        assertThat(limit.path("schema").path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(100);
        assertThat(parameter(operations.get("GET /api/v1/generations"), "status").path("schema").path("enum").size())
                .isEqualTo(6);
        assertThat(docs.path("paths").has("/error")).isFalse();
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asString())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
