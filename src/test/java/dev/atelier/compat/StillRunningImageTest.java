package dev.atelier.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.generation.GenerationApiTest;
import dev.atelier.generation.ScriptedProvider;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An image that takes longer than the configured wait: the client hears OpenAI's error saying so
 * (and not to retry), while the job goes on and is in the history.
 */
@GenerationApiTest
@TestPropertySource(properties = "atelier.compat.image-wait=300ms")
class StillRunningImageTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    ScriptedProvider provider;

    @Test
    void aJobStillRunningAtTheLimitIsAnErrorThatSaysSoAndTheJobGoesOn() {
        TestUser user = users.signUp();
        OpenAiClient openai = new OpenAiClient(api, users.apiKey(user, "generate"));
        String prompt = "slow picture " + user.id();
        Object[] answers = new Object[200];
        answers[0] = ScriptedProvider.accepted("job-1");
        for (int i = 1; i < answers.length; i++) {
            answers[i] = ScriptedProvider.running(10);
        }
        provider.script(prompt, answers);

        Api.Response response = openai.post("/v1/images/generations")
                .json(Map.of("model", ScriptedProvider.MODEL, "prompt", prompt)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(504);
        assertThat(response.header("x-should-retry")).isEqualTo("false");
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asString()).isEqualTo("generation_still_running");
        assertThat(error.get("type").asString()).isEqualTo("server_error");
        JsonNode history = api.get("/api/v1/generations").bearer(user.accessToken()).send().json().get("data");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("status").asString()).isIn("queued", "running");
        assertThat(error.get("message").asString()).contains(history.get(0).get("id").asString());

        api.post("/api/v1/generations/" + history.get(0).get("id").asString() + "/cancel")
                .bearer(user.accessToken()).send();
    }
}
