package dev.atelier.platform.web;

import dev.atelier.platform.idempotency.IdempotencyKeyRequired;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation gets from its handler method, so a new controller is described well
 * without saying it all again:
 * <ul>
 * <li>a stable {@code operationId} when {@code @Operation} names none: the controller's name
 * without "Controller" and the method's, e.g. {@code assetList} (never springdoc's {@code list_3},
 * whose number depends on the order controllers are found in);
 * <li>the module as its tag (the package under {@code dev.atelier}) when there is no {@code @Tag};
 * <li>a summary made from the method's name when there is none;
 * <li>the success status of {@code @ResponseStatus} even on a method that answers a
 * {@code ResponseEntity} (springdoc would say 200);
 * <li>a required {@code Idempotency-Key} header for {@link IdempotencyKeyRequired}.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiOperationDefaults implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared = find(handler,
                io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(defaultOperationId(handler));
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()
                || operation.getTags().stream().allMatch(tag -> tag.endsWith("-controller"))) {
            operation.setTags(new ArrayList<>(List.of(moduleOf(handler.getBeanType()))));
        }
        if (!StringUtils.hasText(operation.getSummary())) {
            operation.setSummary(humanize(handler.getMethod().getName()));
        }
        successStatus(operation, handler);
        if (find(handler, IdempotencyKeyRequired.class) != null) {
            requireIdempotencyKey(operation);
        }
        return operation;
    }

    static String defaultOperationId(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        return StringUtils.uncapitalize(controller) + StringUtils.capitalize(handler.getMethod().getName());
    }

    /** {@code dev.atelier.media.web.AssetController} belongs to the module {@code media}. */
    static String moduleOf(Class<?> type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : type.getPackageName();
    }

    private static String humanize(String methodName) {
        String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return StringUtils.capitalize(words);
    }

    private static void successStatus(Operation operation, HandlerMethod handler) {
        ResponseStatus status = find(handler, ResponseStatus.class);
        ApiResponses responses = operation.getResponses();
        if (status == null || responses == null) {
            return;
        }
        HttpStatus wanted = status.code() != HttpStatus.INTERNAL_SERVER_ERROR ? status.code() : status.value();
        String code = String.valueOf(wanted.value());
        ApiResponse ok = responses.get("200");
        if (ok != null && !code.equals("200")) {
            responses.remove("200");
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, ok.description(wanted.getReasonPhrase()));
            }
        }
    }

    private static void requireIdempotencyKey(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        parameters.removeIf(p -> ApiHeaders.IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName())
                || ("#/components/parameters/" + ApiHeaders.IDEMPOTENCY_KEY).equals(p.get$ref()));
        parameters.add(new io.swagger.v3.oas.models.parameters.HeaderParameter().name(ApiHeaders.IDEMPOTENCY_KEY)
                .required(true).description("Required here: the money moves once per key (e.g. a UUID)")
                .schema(new io.swagger.v3.oas.models.media.StringSchema().minLength(1).maxLength(255)));
        operation.setParameters(parameters);
        ApiResponses responses = operation.getResponses();
        if (responses != null && !responses.containsKey("400")) {
            responses.addApiResponse("400", new ApiResponse().description(
                    "`idempotency_key_required`: no Idempotency-Key header; or another malformed request"));
        }
    }

    private static <A extends Annotation> A find(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
