package dev.atelier.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.test.Api;
import dev.atelier.test.TestUsers.TestUser;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/** Submitting generations and following them over the API, as a client would. */
@TestComponent
public class GenerationsApi {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled", "timed_out");

    private final Api api;

    GenerationsApi(Api api) {
        this.api = api;
    }

    public Api.Response submit(TestUser user, NewGeneration generation) {
        return submit(user.accessToken(), generation);
    }

    public Api.Response submit(String credential, NewGeneration generation) {
        return api.post("/api/v1/generations").bearer(credential).json(generation.body()).send();
    }

    public Api.Response submit(TestUser user, NewGeneration generation, String idempotencyKey) {
        return api.post("/api/v1/generations").bearer(user.accessToken()).header("Idempotency-Key", idempotencyKey)
                .json(generation.body()).send();
    }

    /** Submits and answers the new generation's id; anything but 202 fails the test. */
    public String submitted(TestUser user, NewGeneration generation) {
        Api.Response response = submit(user, generation);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("id").asString();
    }

    public JsonNode get(TestUser user, String id) {
        Api.Response response = api.get("/api/v1/generations/" + id).bearer(user.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits for {@code status}; a job that ends in another state fails at once, with its error. */
    public JsonNode awaitStatus(TestUser user, String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> get(user, id),
                body -> {
                    String now = body.get("status").asString();
                    if (!now.equals(status) && TERMINAL.contains(now)) {
                        throw new AssertionError("expected " + status + " but the job ended " + body);
                    }
                    return now.equals(status);
                });
    }

    /** Downloads an output through its signed URL, without credentials. */
    public byte[] download(JsonNode output) {
        Api.Response response = api.get(output.get("url").asString().replace(api.baseUrl(), "")).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.bytes();
    }
}
