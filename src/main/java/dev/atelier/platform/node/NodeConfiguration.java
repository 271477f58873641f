package dev.atelier.platform.node;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What a node's roles change outside the scheduler: a node without {@code api} answers only
 * {@code /actuator/**} (health for the load balancer, metrics for the scraper), and a render node
 * its remote-worker endpoint ({@code /render-worker/**}, when worker mode is on); everything else
 * is 404 before any other filter sees the request.
 */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

    private static final byte[] NOT_SERVED = """
            {"type":"about:blank","title":"Not Found","status":404,"code":"not_served_here",\
            "detail":"This node does not serve the API"}""".getBytes(StandardCharsets.UTF_8);

    @Bean
    FilterRegistrationBean<Filter> apiRoleFilter(NodeProperties node) {
        boolean api = node.has(NodeRole.API);
        boolean render = node.has(NodeRole.RENDER);
        Filter filter = (request, response, chain) -> {
            String path = ((HttpServletRequest) request).getRequestURI();
            if (api || path.equals("/actuator") || path.startsWith("/actuator/")
                    || (render && path.startsWith("/render-worker/"))) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_NOT_FOUND);
            http.setContentType("application/problem+json");
            http.setContentLength(NOT_SERVED.length);
            http.getOutputStream().write(NOT_SERVED);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("apiRoleFilter");
        registration.setEnabled(!api);
        return registration;
    }
}
