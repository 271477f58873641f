package dev.atelier.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The last pass over the whole description, so that what is true of every operation is said of
 * every operation, including those of modules written later:
 * <ul>
 * <li>every response carries {@code X-Request-Id}; 201 may and 202 and redirects must carry
 * {@code Location}; 429 carries {@code Retry-After} (503 may), 429 and the successes of operations that
 * can answer it the {@code RateLimit-*} headers;
 * <li>every error response is {@code application/problem+json} with the {@code Problem} schema;
 * <li>every operation may answer 400 (a malformed query string, a field out of bounds) and 500;
 * one with an id in its path 404, one with a body 413 and 415;
 * <li>every POST that needs a caller takes {@code Idempotency-Key} and may answer 409 and 422
 * about it, and its successes may be replays ({@code Idempotent-Replayed});
 * <li>{@code limit} is 1 to 100, {@code cursor} at most 1024 characters;
 * <li>JSON is {@code application/json}, never springdoc's {@code *}{@code /*};
 * an event stream is {@code text/event-stream} text, not a Java type;
 * <li>{@code /error} is not an operation.
 * </ul>
 * An operation's own {@code @ApiResponse} (with its description of the codes it answers) is kept;
 * only missing pieces are added. Security responses (401, 403) come from the accounts module.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiResponsesCustomizer implements GlobalOpenApiCustomizer {

    private final ApiSchemas schemas;

    ApiResponsesCustomizer(ApiSchemas schemas) {
        this.schemas = schemas;
    }

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;

    private static final Map<String, String> DEFAULT_ERRORS = Map.ofEntries(
            Map.entry("400", "The request is malformed: `invalid_parameter` (a query or path value, named in "
                    + "`parameter`), `invalid_text` (text with NUL, control characters or unpaired surrogates, "
                    + "named in `field`), `validation_failed` (see `errors`), `malformed_body`, `invalid_limit`, "
                    + "`invalid_cursor`"),
            Map.entry("401", "`unauthenticated`: no, expired or revoked credentials"),
            Map.entry("402", "`insufficient_credits`: too few credits available"),
            Map.entry("403", "`forbidden`: the caller may not do this"),
            Map.entry("404", "`not_found`: there is nothing with this id that the caller may see"),
            Map.entry("409", "A conflict with the current state"),
            Map.entry("413", "`body_too_large`: the request body is over the limit"),
            Map.entry("415", "`unsupported_media_type`: send the body as the content type described"),
            Map.entry("422", "The request is well-formed but cannot be processed"),
            Map.entry("429", "`rate_limited`: too many requests; wait `Retry-After` seconds"),
            Map.entry("500", "`internal_error`: something went wrong on the server; quote the request id"),
            Map.entry("503", "The service is not available right now; wait `Retry-After` seconds"));

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().remove("/error");
        uniqueTags(api);
        if (!schemas.clashes().isEmpty()) {
            api.addExtension("x-schema-name-clashes", schemas.clashes());
        }
        List<String> withoutSuccess = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            customise(path, method, operation);
            if (operation.getResponses().keySet().stream().noneMatch(code -> code.matches("[23]\\d\\d"))) {
                withoutSuccess.add(method + " " + path);
            }
        }));
        if (!withoutSuccess.isEmpty()) {
            // springdoc drops the success response of a method with @ApiResponse annotations but no
            // @ResponseStatus: a tripwire the tests read (ApiDescriptionTest)
            api.addExtension("x-operations-without-success-response", withoutSuccess);
        }
        if (api.getComponents() == null) {
            api.components(new io.swagger.v3.oas.models.Components());
        }
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().remove("SseEmitter");
            api.getComponents().getSchemas().remove("ProblemDetail");
        }
        api.getComponents().getSchemas().values().forEach(ApiResponsesCustomizer::anyMapValues);
        // springdoc drops components nothing referred to before this pass; now things do
        api.getComponents().addSchemas(OpenApiConfiguration.PROBLEM, OpenApiConfiguration.problem());
        api.getComponents().addSchemas(OpenApiConfiguration.FIELD_PROBLEM, OpenApiConfiguration.fieldProblem());
        api.getComponents().addParameters(ApiHeaders.IDEMPOTENCY_KEY, OpenApiConfiguration.idempotencyKey());
    }

    /**
     * A {@code Map<String, Object>} holds any JSON values (a model's parameters: numbers, text,
     * booleans), which springdoc describes as objects only.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anyMapValues(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> entry : ((Map<String, Schema>) (Map) schema.getProperties()).entrySet()) {
            Schema property = entry.getValue();
            if ("object".equals(property.getType()) && property.getProperties() == null
                    && property.getAdditionalProperties() == null && property.get$ref() == null) {
                // a field of type Object holds any JSON value (a parameter's default: 30, "kevin16", true)
                Schema any = new Schema<>().description(property.getDescription());
                entry.setValue(any);
                continue;
            }
            if (property.getAdditionalProperties() instanceof Schema<?> values && values.get$ref() == null
                    && values.getProperties() == null && "object".equals(values.getType())) {
                property.setAdditionalProperties(new Schema<>());
            }
        }
    }

    /** Two controllers of one module may both describe its tag: one entry per name, the first description. */
    private static void uniqueTags(OpenAPI api) {
        if (api.getTags() == null) {
            return;
        }
        Map<String, io.swagger.v3.oas.models.tags.Tag> byName = new TreeMap<>();
        for (io.swagger.v3.oas.models.tags.Tag tag : api.getTags()) {
            io.swagger.v3.oas.models.tags.Tag kept = byName.putIfAbsent(tag.getName(), tag);
            if (kept != null && !StringUtils.hasText(kept.getDescription())) {
                kept.setDescription(tag.getDescription());
            }
        }
        api.setTags(new ArrayList<>(byName.values()));
    }

    private void customise(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean needsCaller = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean idempotent = method == PathItem.HttpMethod.POST && needsCaller && path.startsWith("/api/");

        addIfMissing(responses, "400");
        addIfMissing(responses, "500");
        if (path.contains("{")) {
            addIfMissing(responses, "404");
        }
        if (hasBody) {
            addIfMissing(responses, "413");
            addIfMissing(responses, "415");
            jsonInsteadOfAnything(operation.getRequestBody().getContent());
        }
        if (idempotent) {
            idempotencyKey(operation);
            mention(responses, "409", "`idempotency_key_in_progress`: a request with this Idempotency-Key is "
                    + "still running (with `Retry-After`)");
            mention(responses, "422", "`idempotency_key_reused`: this Idempotency-Key was used for another request");
            mention(responses, "400", "`invalid_idempotency_key`: the Idempotency-Key is empty or too long");
        }
        boolean rateLimited = responses.containsKey("429");
        responses.forEach((code, response) -> {
            int status = "default".equals(code) ? 500 : Integer.parseInt(code);
            headers(response).putIfAbsent(ApiHeaders.REQUEST_ID, ref(ApiHeaders.REQUEST_ID, true));
            if (status >= 400) {
                problem(code, response);
                if (status == 429 || status == 503) {
                    // a 503 for a service an operator has not switched on has no time to wait for
                    headers(response).putIfAbsent(ApiHeaders.RETRY_AFTER, ref(ApiHeaders.RETRY_AFTER, status == 429));
                }
                if (status == 429) {
                    rateLimitHeaders(response);
                }
            } else {
                success(status, response);
                if (rateLimited) {
                    rateLimitHeaders(response);
                }
                if (idempotent) {
                    headers(response).putIfAbsent(ApiHeaders.IDEMPOTENT_REPLAYED,
                            ref(ApiHeaders.IDEMPOTENT_REPLAYED, false));
                }
            }
        });
        operation.setResponses(sorted(responses));
        boundPaging(operation.getParameters());
    }

    private static void success(int status, ApiResponse response) {
        if (status == 201) {
            headers(response).putIfAbsent(ApiHeaders.LOCATION, ref(ApiHeaders.LOCATION, false));
        }
        if (status == 202 || status == 301 || status == 302 || status == 303 || status == 307) {
            headers(response).putIfAbsent(ApiHeaders.LOCATION, ref(ApiHeaders.LOCATION, true));
        }
        if (status == 204 || status == 304 || (status >= 300 && status < 400)) {
            response.setContent(null);
        }
        Content content = response.getContent();
        jsonInsteadOfAnything(content);
        if (content != null && content.containsKey(EVENT_STREAM)) {
            MediaType stream = content.get(EVENT_STREAM);
            Schema<?> schema = stream.getSchema();
            if (schema == null || schema.get$ref() != null || schema.getType() == null && schema.getTypes() == null) {
                stream.setSchema(new StringSchema().description("Server-Sent Events (see the operation's "
                        + "description for the event types)"));
            }
        }
        if (!StringUtils.hasText(response.getDescription())) {
            HttpStatus known = HttpStatus.resolve(status);
            response.setDescription(known == null ? "Success" : known.getReasonPhrase());
        }
    }

    private static void jsonInsteadOfAnything(Content content) {
        if (content != null && content.containsKey("*/*") && content.get("*/*").getSchema() != null) {
            MediaType any = content.remove("*/*");
            content.putIfAbsent(JSON, any);
        }
    }

    private static void problem(String code, ApiResponse response) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(
                new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM))));
        if (!StringUtils.hasText(response.getDescription())) {
            response.setDescription(DEFAULT_ERRORS.getOrDefault(code, "An error"));
        }
    }

    private static void addIfMissing(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(DEFAULT_ERRORS.get(code)));
        }
    }

    /** Adds a code to a response's description, or the response with that description. */
    private static void mention(ApiResponses responses, String code, String text) {
        ApiResponse response = responses.get(code);
        if (response == null) {
            responses.addApiResponse(code, new ApiResponse().description(text));
        } else if (response.getDescription() == null || !response.getDescription().contains(text)) {
            response.setDescription(response.getDescription() == null ? text : response.getDescription() + "; " + text);
        }
    }

    private static void idempotencyKey(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        boolean present = parameters.stream().anyMatch(p -> ApiHeaders.IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName())
                || ("#/components/parameters/" + ApiHeaders.IDEMPOTENCY_KEY).equals(p.get$ref()));
        if (!present) {
            parameters.add(new Parameter().$ref("#/components/parameters/" + ApiHeaders.IDEMPOTENCY_KEY));
            operation.setParameters(parameters);
        }
    }

    private static void rateLimitHeaders(ApiResponse response) {
        for (String name : List.of(ApiHeaders.RATE_LIMIT_LIMIT, ApiHeaders.RATE_LIMIT_REMAINING,
                ApiHeaders.RATE_LIMIT_RESET)) {
            headers(response).putIfAbsent(name, ref(name, false));
        }
    }

    private static void boundPaging(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
                continue;
            }
            Schema<?> schema = parameter.getSchema();
            if ("limit".equals(parameter.getName())) {
                schema.setMinimum(BigDecimal.ONE);
                schema.setMaximum(BigDecimal.valueOf(dev.atelier.platform.Cursors.MAX_LIMIT));
                parameter.setDescription("How many items to answer, 1 to " + dev.atelier.platform.Cursors.MAX_LIMIT
                        + " (default " + dev.atelier.platform.Cursors.DEFAULT_LIMIT + ")");
            } else if ("cursor".equals(parameter.getName())) {
                schema.setMaxLength(1024);
                parameter.setDescription("The `nextCursor` of the previous page; only with the same filters");
            }
        }
    }

    private static Map<String, Header> headers(ApiResponse response) {
        if (response.getHeaders() == null) {
            response.setHeaders(new LinkedHashMap<>());
        }
        return response.getHeaders();
    }

    private static Header ref(String name, boolean required) {
        return ApiHeaders.header(name, required);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        if (responses.getExtensions() != null) {
            sorted.setExtensions(responses.getExtensions());
        }
        return sorted;
    }
}
