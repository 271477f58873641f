package dev.atelier.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.Ffprobe;
import dev.atelier.platform.ffmpeg.MediaInfo;
import dev.atelier.test.Api;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every offline model submitted through the API, small enough to be quick: the job succeeds, its
 * output downloads through the signed URL and opens in ImageIO or ffprobe at the requested size
 * and length, and the charge is the catalog's price for what was made.
 */
@GenerationApiTest
class LocalModelsThroughTheApiTest {

    private static Ffprobe ffprobe;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    GenerationsApi generations;

    @TempDir
    Path dir;

    TestUser user;

    @BeforeAll
    static void ffprobe() throws Exception {
        ffprobe = new Ffprobe(Ffmpeg.bundled());
    }

    @BeforeEach
    void signUp() {
        user = users.signUp();
    }

    @Test
    void aSketchIsAPngOfTheRequestedSizeChargedPerPicture() throws Exception {
        JsonNode job = run(NewGeneration.of("local/sketch", "a red lighthouse on a cliff")
                .with("width", 320).with("height", 256).with("seed", 7));

        JsonNode output = onlyOutput(job);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(generations.download(output)));
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(256);
        assertThat(output.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(charged(job)).isEqualTo(price("local/sketch", BigDecimal.ONE));
    }

    @Test
    void theSamePromptAndSeedDrawTheSamePictureByteForByte() throws Exception {
        NewGeneration request = NewGeneration.of("local/sketch", "night orbits over a blue desert")
                .with("width", 256).with("height", 256).with("seed", 42);

        String first = sha256(generations.download(onlyOutput(run(request))));
        String second = sha256(generations.download(onlyOutput(run(request))));
        String otherSeed = sha256(generations.download(onlyOutput(run(request.with("seed", 43)))));

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void aTuneIsAacInM4aOfTheRequestedLengthChargedPerSecond() throws Exception {
        JsonNode job = run(NewGeneration.of("local/tune", "a calm piano evening").with("durationSeconds", 5));

        MediaInfo info = probe(onlyOutput(job), "tune.m4a");
        assertThat(info.formatName()).contains("mp4");
        assertThat(info.hasVideo()).isFalse();
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.durationMs()).isBetween(4_900L, 5_100L);
        assertThat(charged(job)).isEqualTo(price("local/tune", BigDecimal.valueOf(5)));
    }

    @Test
    void aVoiceReadsThePromptAsAacChargedPerThousandCharacters() throws Exception {
        String sentence = "The harbour lights came on one by one as the boats returned home.";
        JsonNode job = run(NewGeneration.of("local/voice", sentence));

        JsonNode output = onlyOutput(job);
        MediaInfo info = probe(output, "voice.m4a");
        assertThat(info.hasVideo()).isFalse();
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.durationMs()).isBetween(2_000L, 10_000L);
        assertThat(output.get("durationMs").asLong()).isBetween(info.durationMs() - 100, info.durationMs() + 100);
        assertThat(charged(job)).isEqualTo(price("local/voice", BigDecimal.valueOf(sentence.length())));
    }

    @ParameterizedTest(name = "soundtrack {0}")
    @ValueSource(booleans = {true, false})
    void aMotionClipIsH264AndAacAtTheRequestedSizeAndLength(boolean soundtrack) throws Exception {
        JsonNode job = run(NewGeneration.of("local/motion", "a teal harbour at dawn")
                .with("durationSeconds", 2).with("resolution", "360p").with("soundtrack", soundtrack));

        MediaInfo info = probe(onlyOutput(job), "motion.mp4");
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.durationMs()).isBetween(1_900L, 2_100L);
        assertThat(charged(job)).isEqualTo(price("local/motion", BigDecimal.valueOf(2)));
    }

    private JsonNode run(NewGeneration request) {
        return generations.awaitStatus(user, generations.submitted(user, request), "succeeded");
    }

    private static JsonNode onlyOutput(JsonNode job) {
        assertThat(job.get("outputs")).hasSize(1);
        return job.get("outputs").get(0);
    }

    private MediaInfo probe(JsonNode output, String name) throws Exception {
        byte[] bytes = generations.download(output);
        assertThat((long) bytes.length).isEqualTo(output.get("bytes").asLong());
        Path file = Files.write(dir.resolve(name), bytes);
        return ffprobe.probe(file);
    }

    private static long charged(JsonNode job) {
        assertThat(job.get("cost").get("released").asLong()).isZero();
        return job.get("cost").get("charged").asLong();
    }

    /** What the catalog says {@code units} (outputs, seconds or characters) cost. */
    private long price(String model, BigDecimal units) {
        JsonNode price = api.get("/api/v1/models/" + model).bearer(user.accessToken()).send().json().get("price");
        BigDecimal perUnit = BigDecimal.valueOf(price.get("credits").asLong());
        BigDecimal exact = switch (price.get("unit").asString()) {
            case "per_1000_characters" -> units.multiply(perUnit).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UP);
            default -> units.multiply(perUnit);
        };
        return Math.max(price.get("minimum").asLong(), exact.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
