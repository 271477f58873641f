package dev.atelier.studio.internal;

import dev.atelier.platform.PlatformProperties;
import dev.atelier.studio.StudioProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The headers of every studio page: a Content-Security-Policy that allows no inline script or style
 * and nothing from elsewhere but the configured media origins, no referrer beyond this site, and no
 * caching of a page (each carries a fresh CSRF token). Applied to the handlers of this module.
 */
@Component
class PageHeaders implements HandlerInterceptor {

    private final String policy;

    PageHeaders(StudioProperties studio, PlatformProperties platform) {
        Set<String> media = new LinkedHashSet<>();
        media.add("'self'");
        if (platform.publicUrl() != null) {
            origin(platform.publicUrl().toString(), media);
        }
        studio.mediaOrigins().forEach(origin -> origin(origin, media));
        String mediaSources = String.join(" ", media);
        this.policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src " + mediaSources + " blob: data:",
                "media-src " + mediaSources + " blob:",
                "connect-src " + mediaSources,
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    String policy() {
        return policy;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().startsWith("dev.atelier.studio")) {
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Cache-Control", "no-store");
        }
        return true;
    }

    private static void origin(String text, Set<String> into) {
        URI uri = URI.create(text.strip());
        if (uri.getScheme() != null && uri.getHost() != null) {
            into.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        }
    }
}
