package dev.atelier.studio.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class StudioConfiguration implements WebMvcConfigurer {

    private final PageHeaders headers;

    StudioConfiguration(PageHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(headers);
    }
}
