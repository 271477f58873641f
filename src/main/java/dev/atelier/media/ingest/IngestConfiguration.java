package dev.atelier.media.ingest;

import dev.atelier.media.MediaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    MediaTools mediaTools(MediaProperties properties) {
        return new MediaTools(properties.toolTimeout());
    }

    @Bean
    Prober prober(MediaTools tools, ObjectMapper json) {
        return new Prober(tools, json);
    }

    @Bean
    Inspector inspector(MediaTools tools, Prober prober, MediaProperties properties) {
        return new Inspector(tools, prober, properties.thumbnailSize(), properties.maxImagePixels());
    }
}
