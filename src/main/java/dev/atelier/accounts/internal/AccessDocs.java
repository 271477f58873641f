package dev.atelier.accounts.internal;

import dev.atelier.accounts.AdminOnly;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.SignedInOnly;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Says in the API description what {@link SecurityConfiguration} and {@link AccessRules} enforce,
 * from the same facts, so no controller has to repeat them: an operation outside {@code /api/**}
 * or under {@code /api/v1/auth/**} needs no credentials ({@code security: []}); every other may
 * answer 401; {@link RequiresScope}, {@link SignedInOnly} and {@link AdminOnly} add their 403 and
 * the extension {@code x-atelier-access} ({@code public}, {@code caller}, {@code scope:<name>},
 * {@code signed-in}, {@code admin}) that tools (and the tests' hostile walker) read.
 */
@Component
class AccessDocs implements GlobalOperationCustomizer {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (isPublic(handler)) {
            operation.setSecurity(new ArrayList<>());
            operation.addExtension("x-atelier-access", "public");
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!responses.containsKey("401")) {
            responses.addApiResponse("401", new ApiResponse().description(
                    "`unauthenticated`: no, expired or revoked access token or API key"));
        }
        String access = "caller";
        List<String> forbidden = new ArrayList<>();
        if (find(handler, AdminOnly.class) != null) {
            access = "admin";
            forbidden.add("`admin_only`: only an admin signed in with an access token may do this");
        }
        if (find(handler, SignedInOnly.class) != null) {
            access = "admin".equals(access) ? access : "signed-in";
            forbidden.add("`api_key_not_allowed`: this needs an access token, not an API key");
        }
        RequiresScope scope = find(handler, RequiresScope.class);
        if (scope != null) {
            access = "caller".equals(access) ? "scope:" + scope.value().value() : access;
            forbidden.add("`missing_scope`: an API key without the scope `" + scope.value().value() + "`");
        }
        operation.addExtension("x-atelier-access", access);
        if (!forbidden.isEmpty()) {
            ApiResponse existing = responses.get("403");
            String text = String.join("; ", forbidden);
            if (existing == null) {
                responses.addApiResponse("403", new ApiResponse().description(text));
            } else if (existing.getDescription() == null || !existing.getDescription().contains(text)) {
                existing.setDescription(existing.getDescription() == null ? text
                        : existing.getDescription() + "; " + text);
            }
        }
        return operation;
    }

    /** The same rule as the security chain: {@code PUBLIC_API} and everything outside {@code /api/}. */
    static boolean isPublic(HandlerMethod handler) {
        return paths(handler).stream().allMatch(path -> !PATHS.match("/api/**", path)
                || java.util.Arrays.stream(SecurityConfiguration.PUBLIC_API).anyMatch(open -> PATHS.match(open, path)));
    }

    private static List<String> paths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        List<String> suffixes = method == null || method.path().length == 0 ? List.of("") : List.of(method.path());
        List<String> paths = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                paths.add(PATHS.combine(prefix, suffix));
            }
        }
        return paths;
    }

    private static <A extends Annotation> A find(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
