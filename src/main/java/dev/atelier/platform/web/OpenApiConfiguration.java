package dev.atelier.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs}: generated from the controllers, then made
 * honest by {@link ApiOperationDefaults} (per handler method) and {@link ApiResponsesCustomizer}
 * (the whole document). The shared pieces live here as components: the {@code Problem} schema every
 * error answers with, and the headers every module uses. See docs/api-conventions.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";

    @Bean
    OpenAPI atelierApi() {
        Components components = new Components();
        ApiHeaders.RESPONSE_HEADERS.forEach(name -> components.addHeaders(name, ApiHeaders.header(name, false)));
        return new OpenAPI()
                .info(new Info().title("Atelier API").version("v1").description("""
                        Generate images, video, music and speech, keep them in a library and cut them together.
                        Authenticate with `Authorization: Bearer <access token or API key>`; operations marked
                        `security: []` need nothing (signing up and in, signed media links). Errors are RFC 9457
                        problem documents (`application/problem+json`, schema `Problem`) with a stable `code` and
                        the `requestId` that every response also carries as `X-Request-Id`. Lists take `limit`
                        (1 to 100) and an opaque `cursor` and answer `{data, nextCursor, hasMore}`. Long work
                        answers `202` with a `Location`. A POST with an `Idempotency-Key` runs once per caller
                        and key: a repeat gets the first answer with `Idempotent-Replayed: true`."""))
                .components(components
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An access token (JWT) from /api/v1/auth/login, or an API key (atl_...)"))
                        .addSecuritySchemes("accessTokenQuery", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.QUERY).name("access_token")
                                .description("The access token as a query parameter: only where an operation says so "
                                        + "(event streams, which a browser EventSource opens without headers)"))
                        .addSchemas(PROBLEM, problem())
                        .addSchemas(FIELD_PROBLEM, fieldProblem())
                        .addParameters(ApiHeaders.IDEMPOTENCY_KEY, idempotencyKey()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static HeaderParameter idempotencyKey() {
        return (HeaderParameter) new HeaderParameter()
                .name(ApiHeaders.IDEMPOTENCY_KEY).required(false)
                .description("Makes this POST happen once per caller and key (e.g. a UUID): a repeat "
                        + "answers the first response with `Idempotent-Replayed: true`; the same key "
                        + "with another body is 422 `idempotency_key_reused`.")
                .schema(new StringSchema().minLength(1).maxLength(255));
    }

    static Schema<?> problem() {
        Schema problem = new ObjectSchema()
                .description("An RFC 9457 problem document. Besides the members below, a problem may carry extension "
                        + "members named after what they are (e.g. `available`, `limit`, `parameter`, "
                        + "`generationStatus`); none reuses a member listed here.")
                .addProperty("type", new StringSchema().format("uri").description("Identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("code", new StringSchema().pattern("^[a-z0-9_]+$")
                        .description("A stable, machine-readable code (e.g. `insufficient_credits`)"))
                .addProperty("requestId", new StringSchema().description("Equals the `X-Request-Id` header"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                        + FIELD_PROBLEM)).description("One entry per invalid field, for `validation_failed`"));
        problem.setRequired(List.of("type", "title", "status", "code", "requestId"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> fieldProblem() {
        Schema field = new ObjectSchema()
                .description("One invalid field of a request: `field` names a request field, `path` a place "
                        + "in a document the request carries (a timeline); one of them is present")
                .addProperty("field", new StringSchema().description("The field, e.g. `params.width`"))
                .addProperty("path", new StringSchema().description("A JSON path, e.g. `$.video.clips[3].trimInMs`"))
                .addProperty("code", new StringSchema().description("What is wrong, e.g. `size`, `not_blank`"))
                .addProperty("message", new StringSchema().description("What is wrong, for people"));
        field.setRequired(List.of("message"));
        return field;
    }
}
