package dev.atelier.compat.internal;

import dev.atelier.generation.GenerationJob;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes OpenAI's {@code ImagesResponse}: pictures as base64 streamed from the library (a buffer at
 * a time, never a whole image as a string) or as signed URLs.
 */
@Component
class ImageAnswers {

    private final Assets assets;
    private final ObjectMapper json;
    private final Clock clock;

    ImageAnswers(Assets assets, ObjectMapper json, Clock clock) {
        this.assets = assets;
        this.json = json;
        this.clock = clock;
    }

    void write(HttpServletResponse response, List<GenerationJob> jobs, boolean base64, String outputFormat)
            throws IOException {
        List<Asset> images = jobs.stream().flatMap(job -> job.outputs().stream())
                .map(id -> assets.find(id).orElseThrow()).toList();
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (OutputStream out = response.getOutputStream(); JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberProperty("created", clock.instant().getEpochSecond());
            gen.writeArrayPropertyStart("data");
            for (Asset image : images) {
                gen.writeStartObject();
                if (base64) {
                    gen.writeName("b64_json");
                    writeBase64(gen, image, outputFormat);
                } else {
                    gen.writeStringProperty("url", assets.contentUrl(image, false).toString());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeStringProperty("output_format", base64 && outputFormat != null ? outputFormat : format(images));
            if (!images.isEmpty() && images.getFirst().width() != null) {
                gen.writeStringProperty("size", images.getFirst().width() + "x" + images.getFirst().height());
            }
            gen.writeEndObject();
        }
    }

    private void writeBase64(JsonGenerator gen, Asset image, String outputFormat) throws IOException {
        if (outputFormat == null) {
            try (InputStream in = assets.open(image)) {
                gen.writeBinary(in, (int) image.bytes());
            }
            return;
        }
        BufferedImage picture;
        try (InputStream in = assets.open(image)) {
            picture = ImageIO.read(in);
        }
        BufferedImage opaque = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        opaque.createGraphics().drawImage(picture, 0, 0, java.awt.Color.WHITE, null);
        ByteArrayOutputStream converted = new ByteArrayOutputStream();
        ImageIO.write(opaque, outputFormat, converted);
        gen.writeBinary(converted.toByteArray());
    }

    private static String format(List<Asset> images) {
        if (images.isEmpty()) {
            return "png";
        }
        String type = images.getFirst().mediaType();
        return type.startsWith("image/") ? type.substring("image/".length()) : type;
    }
}
