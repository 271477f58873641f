package dev.atelier.test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The published API description ({@code /v3/api-docs}, fetched once per application context) as a
 * judge of every call the tests make through {@link Api}: a request the description does not
 * allow, or a response it does not describe (status, headers, content type, body), fails the test.
 * Errors must besides be problem documents with a {@code code} and the {@code requestId}.
 * Paths outside the description's reach ({@code /actuator}, {@code /v3/api-docs}, pages) and the
 * controllers tests bring along under {@code /api/v1/test…} are not judged.
 */
public final class ApiContract {

    private static final Set<String> JUDGED_PREFIXES = Set.of("/api/", "/media/");
    /** Controllers that tests bring along (to exercise a filter, an interceptor) live here: not the API. */
    private static final String TEST_FIXTURES = "/api/v1/test";
    private static final Set<String> NO_OPERATION = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed", "validation.response.path.missing",
            "validation.response.operation.notAllowed");

    private final OpenApiInteractionValidator validator;
    private final ObjectMapper json;

    ApiContract(String description, ObjectMapper json) {
        this.json = json;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(description)
                .withLevelResolver(LevelResolver.create()
                        .withDefaultLevel(ValidationReport.Level.ERROR)
                        // formats the schema library does not know (uri-reference): not a difference
                        .withLevel("validation.schema.unknownFormat", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * Judges one exchange; answers the differences (empty when it conforms).
     *
     * @param judgeRequest false for a test that deliberately sends what the description forbids:
     *     then only the response is judged, and only if the description has the operation
     */
    List<String> judge(String method, String pathAndQuery, List<String> headers, byte[] body,
            boolean judgeRequest, HttpResponse<byte[]> response) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        if (JUDGED_PREFIXES.stream().noneMatch(path::startsWith) || path.startsWith(TEST_FIXTURES)) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        Request request = request(method, path, q < 0 ? null : pathAndQuery.substring(q + 1), headers, body);
        ValidationReport report = judgeRequest
                ? validator.validate(request, response(response))
                : validator.validateResponse(path, request.getMethod(), response(response));
        if (!judgeRequest) {
            report = ValidationReport.from(report.getMessages().stream()
                    .filter(message -> !NO_OPERATION.contains(message.getKey())).toList());
        }
        if (report.hasErrors()) {
            differences.add(shortened(SimpleValidationReportFormat.getInstance().apply(report)));
        }
        if (response.statusCode() >= 400) {
            problemDocument(response, differences);
        }
        return differences;
    }

    private void problemDocument(HttpResponse<byte[]> response, List<String> differences) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            differences.add("An error answered " + response.statusCode() + " with Content-Type '" + type
                    + "', not application/problem+json");
            return;
        }
        try {
            JsonNode problem = json.readTree(response.body());
            if (!problem.path("code").isString() || !problem.path("requestId").isString()
                    || problem.path("status").asInt() != response.statusCode()) {
                differences.add("An error body lacks code, requestId or the right status: "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            differences.add("An error body is not JSON: " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** A report quotes the values it judged; an overlong one must not drown the failure. */
    private static String shortened(String report) {
        return report.lines().map(line -> line.length() > 400 ? line.substring(0, 400) + "..." : line)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Request request(String method, String path, String query, List<String> headers, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            builder.withHeader(headers.get(i), headers.get(i + 1));
        }
        query(query).forEach(builder::withQueryParam);
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // malformed on purpose: the request check will say so
        }
    }

    private static com.atlassian.oai.validator.model.Response response(HttpResponse<byte[]> response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (response.body() != null && response.body().length > 0) {
            builder.withBody(response.body());
        }
        return builder.build();
    }
}
