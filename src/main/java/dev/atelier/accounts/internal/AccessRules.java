package dev.atelier.accounts.internal;

import dev.atelier.accounts.AdminOnly;
import dev.atelier.accounts.AnyScope;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.SignedInOnly;
import dev.atelier.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresScope}, {@link SignedInOnly}, {@link AdminOnly} and {@link AnyScope} on
 * controller methods (or their classes) before they run. Fails closed: an endpoint that declares
 * none of them is refused to API keys ({@code missing_scope}), so a new endpoint that forgot to
 * declare its scope is not opened to every key.
 */
@Component
class AccessRules implements HandlerInterceptor {

    /** One entry per controller method: as many as the application has. */
    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        CurrentUser user = currentUser();
        if (user == null) {
            return true; // the security rules have already decided anonymous access
        }
        Declared declared = this.declared.computeIfAbsent(method.getMethod(), key -> Declared.of(method));
        if (declared.adminOnly() && (!user.admin() || user.viaApiKey())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "admin_only", "Only an admin signed in with a token may do this");
        }
        if (declared.signedInOnly() && user.viaApiKey()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "api_key_not_allowed",
                    "This needs a signed-in user (access token), not an API key");
        }
        RequiresScope scope = declared.scope();
        if (scope == null && user.viaApiKey() && !declared.anyScope()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "missing_scope", "API keys may not call this endpoint");
        }
        if (scope != null && !user.has(scope.value())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "missing_scope",
                    "This API key lacks the scope " + scope.value().value())
                    .with("requiredScope", scope.value().value());
        }
        return true;
    }

    /** What a handler method declares, looked up once per method (merged annotations are not cheap per request). */
    private record Declared(boolean adminOnly, boolean signedInOnly, RequiresScope scope, boolean anyScope) {
        static Declared of(HandlerMethod method) {
            return new Declared(annotated(method, AdminOnly.class) != null, annotated(method, SignedInOnly.class) != null,
                    annotated(method, RequiresScope.class), annotated(method, AnyScope.class) != null);
        }
    }

    private static <A extends Annotation> A annotated(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
    }

    private static CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
