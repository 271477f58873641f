package dev.atelier.compat.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class CompatConfiguration {

    /** Before the body limit and the security chain, so their problems are translated too. */
    @Bean
    FilterRegistrationBean<OpenAiErrors> openAiErrors(ObjectMapper json) {
        FilterRegistrationBean<OpenAiErrors> registration = new FilterRegistrationBean<>(new OpenAiErrors(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
