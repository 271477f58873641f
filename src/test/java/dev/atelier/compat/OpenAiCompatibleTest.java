package dev.atelier.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.credits.Credits;
import dev.atelier.credits.EntryKind;
import dev.atelier.generation.GenerationApiTest;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Tools that speak OpenAI's API work against Atelier: requests exactly as the SDKs send them, every
 * field the SDKs read in the answers, OpenAI's error shape and statuses, and the work charged and
 * kept in the history like any other generation.
 */
@GenerationApiTest
class OpenAiCompatibleTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    Credits credits;

    TestUser user;
    OpenAiClient openai;

    @BeforeEach
    void signUp() {
        user = users.signUp();
        openai = new OpenAiClient(api, users.apiKey(user, "generate"));
    }

    @Test
    void modelsListsEveryModelOnOfferAndEveryAlias() {
        Api.Response response = openai.get("/v1/models").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("object").asString()).isEqualTo("list");
        Set<String> ids = new HashSet<>();
        for (JsonNode model : body.get("data")) {
            ids.add(model.get("id").asString());
            assertThat(model.get("object").asString()).isEqualTo("model");
            assertThat(model.get("created").isNumber()).isTrue();
            assertThat(model.get("owned_by").asString()).isNotBlank();
        }
        assertThat(ids).contains("local/sketch", "local/voice", "local/motion", "gpt-image-1", "tts-1", "sora-2");
        assertThat(openai.get("/v1/models/gpt-image-1").send().json().get("id").asString()).isEqualTo("gpt-image-1");
        assertThat(openai.get("/v1/models/local/sketch").send().status()).isEqualTo(200);
        assertThat(openai.get("/v1/models/no-such-model").send().status()).isEqualTo(404);
    }

    @Test
    void anImageComesBackAsBase64OfTheAskedSizeAndIsChargedAndInTheHistory() throws Exception {
        long before = balance();
        Api.Response response = openai.post("/v1/images/generations").json(Map.of(
                "model", "gpt-image-1", "prompt", "a red lighthouse on a cliff", "n", 1, "size", "320x256",
                "quality", "high", "user", "end-user-42", "some_future_field", true)).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("created").asLong()).isPositive();
        assertThat(body.get("data")).hasSize(1);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(body.get("data").get(0).get("b64_json").asString())));
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(256);
        assertThat(body.get("output_format").asString()).isEqualTo("png");
        assertThat(body.get("size").asString()).isEqualTo("320x256");

        assertThat(before - balance()).isEqualTo(2); // local/sketch: 2 credits a picture
        JsonNode history = api.get("/api/v1/generations").bearer(user.accessToken()).send().json().get("data");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("model").asString()).isEqualTo("local/sketch");
        assertThat(history.get(0).get("prompt").asString()).isEqualTo("a red lighthouse on a cliff");
    }

    @Test
    void severalImagesAreDistinctAndUrlsServeThem() throws Exception {
        Api.Response response = openai.post("/v1/images/generations").json(Map.of(
                "model", "dall-e-3", "prompt", "night orbits over a blue desert", "n", 2, "size", "256x256",
                "response_format", "url")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data).hasSize(2);
        Set<String> pictures = new HashSet<>();
        for (JsonNode image : data) {
            String url = image.get("url").asString();
            String path = URI.create(url).isAbsolute() ? URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery() : url;
            Api.Response download = api.get(path).send();
            assertThat(download.status()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(download.bytes())).getWidth()).isEqualTo(256);
            pictures.add(Base64.getEncoder().encodeToString(download.bytes()));
        }
        assertThat(pictures).hasSize(2);
    }

    @Test
    void jpegIsMadeWhenAsked() throws Exception {
        Api.Response response = openai.post("/v1/images/generations").json(Map.of(
                "prompt", "a teal harbour", "size", "256x256", "output_format", "jpeg")).send();

        byte[] jpeg = Base64.getDecoder().decode(response.json().get("data").get(0).get("b64_json").asString());
        assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        assertThat(response.json().get("output_format").asString()).isEqualTo("jpeg");
    }

    @Test
    void anIdempotencyKeyMakesOneJobHoweverOftenItIsSent() {
        Map<String, Object> request = Map.of("prompt", "one picture only", "size", "256x256");
        Api.Response first = openai.post("/v1/images/generations").header("Idempotency-Key", "img-1").json(request).send();
        Api.Response again = openai.post("/v1/images/generations").header("Idempotency-Key", "img-1").json(request).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("data").get(0).get("b64_json").asString())
                .isEqualTo(first.json().get("data").get(0).get("b64_json").asString());
        assertThat(api.get("/api/v1/generations").bearer(user.accessToken()).send().json().get("data")).hasSize(1);
    }

    @Test
    void errorsComeInOpenAisShapeWithItsStatusesAndTheRequestId() {
        Api.Response unknown = openai.post("/v1/images/generations")
                .json(Map.of("model", "no-such-model", "prompt", "x")).send();
        assertOpenAiError(unknown, 404, "invalid_request_error", "model_not_found", "model");

        Api.Response badN = openai.post("/v1/images/generations").json(Map.of("prompt", "x", "n", 99)).send();
        assertOpenAiError(badN, 400, "invalid_request_error", "invalid_parameter", "n");

        Api.Response noPrompt = openai.post("/v1/images/generations").json(Map.of("n", 1)).send();
        assertOpenAiError(noPrompt, 400, "invalid_request_error", "invalid_parameter", "prompt");

        Api.Response tooBig = openai.post("/v1/images/generations")
                .json(Map.of("prompt", "x", "size", "9000x9000")).send();
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("error").get("param").asString()).isEqualTo("params.width");

        Api.Response malformed = openai.post("/v1/images/generations").raw("application/json", "{\"prompt\":").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").get("message").asString()).isNotBlank();

        Api.Response noKey = api.post("/v1/images/generations").json(Map.of("prompt", "x")).send();
        assertOpenAiError(noKey, 401, "invalid_request_error", "invalid_api_key", null);

        Api.Response wrongKey = api.post("/v1/images/generations").bearer("atl_" + "x".repeat(43))
                .json(Map.of("prompt", "x")).send();
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.json().get("error").get("type").asString()).isEqualTo("invalid_request_error");

        String libraryOnly = users.apiKey(user, "library:read");
        Api.Response noScope = new OpenAiClient(api, libraryOnly).post("/v1/images/generations")
                .json(Map.of("prompt", "x")).send();
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.json().get("error").get("type").asString()).isEqualTo("permission_error");

        assertThat(api.get("/api/v1/generations").bearer(user.accessToken()).send().json().get("data")).isEmpty();
    }

    @Test
    void tooFewCreditsIs429InsufficientQuotaAsOpenAiSaysIt() {
        credits.adjust(user.id(), -balance(), EntryKind.ADJUSTMENT, "drain:" + UUID.randomUUID(), "test: nothing left");

        Api.Response response = openai.post("/v1/images/generations").json(Map.of("prompt", "x")).send();

        assertOpenAiError(response, 429, "insufficient_quota", "insufficient_quota", null);
        assertThat(response.header("x-should-retry")).isEqualTo("false");
    }

    @Test
    void speechIsTheRecordingInTheAskedFormatAtTheAskedSpeed() throws Exception {
        String sentence = "The harbour lights came on one by one.";
        Api.Response wav = openai.post("/v1/audio/speech").header("Accept", "application/octet-stream").json(Map.of(
                "model", "tts-1", "input", sentence, "voice", "alloy", "response_format", "wav")).send();
        assertThat(wav.status()).as(wav.toString()).isEqualTo(200);
        assertThat(wav.header("Content-Type")).startsWith("audio/wav");
        assertThat(new String(wav.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");

        Api.Response fast = openai.post("/v1/audio/speech").json(Map.of(
                "model", "gpt-4o-mini-tts", "input", sentence, "voice", "coral", "response_format", "wav",
                "speed", 2.0, "instructions", "cheerful")).send();
        assertThat(fast.status()).isEqualTo(200);
        assertThat(fast.bytes().length).isBetween(wav.bytes().length * 4 / 10, wav.bytes().length * 6 / 10);

        Api.Response flac = openai.post("/v1/audio/speech").json(Map.of(
                "model", "tts-1", "input", sentence, "voice", "alloy", "response_format", "flac")).send();
        assertThat(new String(flac.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("fLaC");

        Api.Response badSpeed = openai.post("/v1/audio/speech").json(Map.of(
                "model", "tts-1", "input", sentence, "voice", "alloy", "speed", 9)).send();
        assertOpenAiError(badSpeed, 400, "invalid_request_error", "invalid_parameter", "speed");
    }

    @Test
    void aVideoIsCreatedPolledAndDownloaded() {
        Api.Response created = openai.post("/v1/videos").json(Map.of(
                "model", "sora-2", "prompt", "a teal harbour at dawn", "seconds", "4", "size", "640x360")).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode video = created.json();
        assertThat(video.get("object").asString()).isEqualTo("video");
        assertThat(video.get("status").asString()).isIn("queued", "in_progress");
        assertThat(video.get("seconds").asString()).isEqualTo("4");
        String id = video.get("id").asString();

        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> openai.get("/v1/videos/" + id).send().json(),
                body -> !List.of("queued", "in_progress").contains(body.get("status").asString()));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("completed_at").asLong()).isGreaterThanOrEqualTo(done.get("created_at").asLong());

        Api.Response content = openai.get("/v1/videos/" + id + "/content").header("Accept", "application/binary").send();
        assertThat(content.status()).isEqualTo(200);
        assertThat(new String(content.bytes(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");

        assertThat(openai.get("/v1/videos/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        assertOpenAiError(openai.post("/v1/videos").json(Map.of("prompt", "x", "seconds", "5")).send(),
                400, "invalid_request_error", "invalid_parameter", "seconds");
    }

    @Test
    void anotherUsersVideoIsNotFound() {
        String id = openai.post("/v1/videos").json(Map.of("prompt", "mine", "seconds", "4")).send()
                .json().get("id").asString();
        TestUser other = users.signUp();
        OpenAiClient theirs = new OpenAiClient(api, users.apiKey(other, "generate"));

        assertOpenAiError(theirs.get("/v1/videos/" + id).send(), 404, "invalid_request_error", "not_found", null);
    }

    @Test
    void anEditNeedsItsImageAndAWellFormedForm() {
        Api.Response noImage = openai.post("/v1/images/edits").body("multipart/form-data; boundary=b",
                java.net.http.HttpRequest.BodyPublishers.ofString(
                        "--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nmake it blue\r\n--b--\r\n")).send();
        assertOpenAiError(noImage, 400, "invalid_request_error", "invalid_parameter", "image");

        Api.Response broken = openai.post("/v1/images/edits").body("multipart/form-data; boundary=b",
                java.net.http.HttpRequest.BodyPublishers.ofString("no boundary here")).send();
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").get("code").asString()).isEqualTo("malformed_multipart");
    }

    @Autowired
    dev.atelier.generation.ScriptedProvider provider;

    @Test
    void anEditSendsThePictureToAModelThatTakesImagesAndOneThatTakesNoneRefusesIt() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", png);
        String prompt = "make it blue " + UUID.randomUUID();
        provider.script(prompt, dev.atelier.generation.ScriptedProvider.doneNow());

        Api.Response edited = openai.post("/v1/images/edits").body("multipart/form-data; boundary=b",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(form(prompt, "test/scripted", png.toByteArray()))).send();

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("data")).hasSize(1);
        JsonNode job = api.get("/api/v1/generations").bearer(user.accessToken()).send().json().get("data").get(0);
        assertThat(job.get("model").asString()).isEqualTo("test/scripted");
        String input = job.get("inputAssetIds").get(0).asString();
        assertThat(api.get("/api/v1/assets/" + input).bearer(user.accessToken()).send().json().get("width").asInt())
                .isEqualTo(64);

        int assetsBefore = api.get("/api/v1/assets?limit=100").bearer(user.accessToken()).send().json().get("data").size();
        Api.Response refused = openai.post("/v1/images/edits").body("multipart/form-data; boundary=b",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(form("x", "gpt-image-1", png.toByteArray()))).send();
        assertOpenAiError(refused, 400, "invalid_request_error", "inputs_not_accepted", null);
        assertThat(api.get("/api/v1/assets?limit=100").bearer(user.accessToken()).send().json().get("data").size())
                .as("the refused edit's picture is not kept").isEqualTo(assetsBefore);
    }

    private static byte[] form(String prompt, String model, byte[] png) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\n" + prompt + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + model + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"in.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private void assertOpenAiError(Api.Response response, int status, String type, String code, String param) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        JsonNode error = response.json().get("error");
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("type").asString()).isEqualTo(type);
        if (code != null) {
            assertThat(error.get("code").asString()).isEqualTo(code);
        }
        assertThat(error.has("param")).isTrue();
        if (param != null) {
            assertThat(error.get("param").asString()).isEqualTo(param);
        }
    }

    private long balance() {
        return api.get("/api/v1/credits").bearer(user.accessToken()).send().json().get("available").asLong();
    }
}
