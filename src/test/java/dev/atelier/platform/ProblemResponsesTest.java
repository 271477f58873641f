package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AtelierTest
class ProblemResponsesTest {

    @Autowired
    Api api;

    @Test
    void unknownPathIsAProblemWithARequestId() {
        Api.Response response = api.get("/nope").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("not_found");
        assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("type").asString()).isNotBlank();
    }

    @Test
    void saneRequestIdIsEchoedAndInsaneOneReplaced() {
        assertThat(api.get("/nope").header("X-Request-Id", "abc-123.X_y").send().header("X-Request-Id"))
                .isEqualTo("abc-123.X_y");
        String replaced = api.get("/nope").header("X-Request-Id", "bad id<script>").send().header("X-Request-Id");
        assertThat(replaced).isNotEqualTo("bad id<script>").matches("[A-Za-z0-9._-]{1,64}");
        assertThat(api.get("/nope").header("X-Request-Id", "x".repeat(65)).send().header("X-Request-Id"))
                .hasSizeLessThanOrEqualTo(64).isNotEqualTo("x".repeat(65));
    }

    @Test
    void brokenJsonIsABadRequestProblem() {
        Api.Response response = api.post("/api/v1/auth/login").json("{\"email\": ").unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("malformed_body");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at ");
    }

    @Test
    void bodyOverTheLimitIsContentTooLarge() {
        String big = "{\"email\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}";

        Api.Response response = api.post("/api/v1/auth/login").json(big).unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("body_too_large");
        assertThat(response.json().get("requestId").asString()).isNotBlank();
    }

    @Test
    void chunkedBodyOverTheLimitIsContentTooLarge() {
        byte[] big = ("{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        // an InputStream publisher has no known length, so the body is sent chunked
        Api.Response response = api.post("/api/v1/auth/login").body("application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("body_too_large");
    }

    @Test
    void wrongMethodAndWrongContentTypeAreProblems() {
        Api.Response method = api.delete("/api/v1/auth/login").unvalidatedRequest().send();
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("code").asString()).isEqualTo("method_not_allowed");

        Api.Response type = api.post("/api/v1/auth/login").raw("text/plain", "hello").unvalidatedRequest().send();
        assertThat(type.status()).isEqualTo(415);
        assertThat(type.json().get("code").asString()).isEqualTo("unsupported_media_type");
    }

    @Test
    void apiWithoutCredentialsIsUnauthorizedProblem() {
        Api.Response response = api.get("/api/v1/anything").unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }
}
