package dev.atelier.platform.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import dev.atelier.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires idempotency: the filter right after Spring Security (it needs the caller); after the access
 * rules (a caller who may not call an endpoint hears 403, never a stored response or "send a key"),
 * the check for {@link IdempotencyKeyRequired} and the decision on the key; and the hourly cleanup
 * of keys past their ttl.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final IdempotencyFilter filter;

    IdempotencyConfiguration(IdempotencyRecords records, Problems problems) {
        this.filter = new IdempotencyFilter(records, problems);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter() {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/*", "/v1/*");
        return registration;
    }

    @RunsOn(NodeRole.JOBS)
    @Bean
    RecurringTask<Void> idempotencyKeyCleanup(IdempotencyRecords records) {
        return Tasks.recurring("idempotency-key-cleanup", FixedDelay.ofHours(1))
                .execute((instance, context) -> {
                    int removed = records.deleteExpired();
                    if (removed > 0) {
                        log.debug("Removed {} expired idempotency keys", removed);
                    }
                });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws java.io.IOException {
                if (!(handler instanceof HandlerMethod method)) {
                    return true;
                }
                if (required(method) && request.getHeader(IdempotencyFilter.HEADER) == null) {
                    throw ApiException.badRequest("idempotency_key_required",
                            "This request needs an Idempotency-Key header (1 to 255 characters, e.g. a UUID)");
                }
                return filter.decide(request, response);
            }
        }).addPathPatterns("/api/**", "/v1/**").order(Ordered.LOWEST_PRECEDENCE);
    }

    private static boolean required(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), IdempotencyKeyRequired.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), IdempotencyKeyRequired.class);
    }
}
