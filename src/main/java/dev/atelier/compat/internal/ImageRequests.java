package dev.atelier.compat.internal;

import dev.atelier.catalog.Model;
import dev.atelier.catalog.Parameter;
import dev.atelier.platform.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OpenAI's image fields checked and turned into an Atelier model's parameters. */
final class ImageRequests {

    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    private ImageRequests() {
    }

    static String prompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw invalid("prompt", "prompt is required");
        }
        return prompt;
    }

    static int count(Integer n, int max) {
        int count = n == null ? 1 : n;
        if (count < 1 || count > max) {
            throw invalid("n", "n must be between 1 and " + max);
        }
        return count;
    }

    /** b64_json or url; GPT image models always answer base64, as OpenAI's do. */
    static boolean base64(String responseFormat, String modelName) {
        if (responseFormat == null || responseFormat.isBlank()) {
            return modelName == null || modelName.isBlank() || modelName.startsWith("gpt-image");
        }
        return switch (responseFormat) {
            case "b64_json" -> true;
            case "url" -> false;
            default -> throw invalid("response_format", "response_format must be url or b64_json");
        };
    }

    /** png (what the models make) or jpeg; null keeps the model's own format. */
    static String outputFormat(String format) {
        if (format == null || format.isBlank() || format.equals("png")) {
            return null;
        }
        if (format.equals("jpeg")) {
            return "jpeg";
        }
        if (format.equals("webp")) {
            throw invalid("output_format", "output_format webp is not offered here; use png or jpeg");
        }
        throw invalid("output_format", "output_format must be png, jpeg or webp");
    }

    /**
     * The model's parameters for the {@code index}th of {@code count} images: the size when the
     * model takes a width and height, and distinct seeds when several are asked for.
     */
    static Map<String, Object> params(Model model, String size, int index, int count, long seedBase) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (size != null && !size.isBlank() && !size.equals("auto")) {
            Matcher m = SIZE.matcher(size);
            if (!m.matches()) {
                throw invalid("size", "size must be WIDTHxHEIGHT (e.g. 1024x1024) or auto");
            }
            if (takes(model, "width") && takes(model, "height")) {
                params.put("width", Integer.parseInt(m.group(1)));
                params.put("height", Integer.parseInt(m.group(2)));
            }
        }
        if (count > 1 && takes(model, "seed")) {
            params.put("seed", (int) ((seedBase + index) & Integer.MAX_VALUE));
        }
        return params;
    }

    static long seedBase() {
        return ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
    }

    private static boolean takes(Model model, String name) {
        return model.parameters().stream().map(Parameter::name).anyMatch(name::equals);
    }

    static ApiException invalid(String param, String message) {
        return ApiException.badRequest("invalid_parameter", message).with("param", param);
    }
}
