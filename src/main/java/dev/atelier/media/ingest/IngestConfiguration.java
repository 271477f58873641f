package dev.atelier.media.ingest;

import dev.atelier.media.MediaProperties;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.platform.ffmpeg.FfmpegException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The bundled ffmpeg is the library's own (not a bean): nothing else can swap or share it by accident. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Prober prober(ObjectMapper json, MediaProperties properties) throws FfmpegException {
        return new Prober(Ffmpeg.bundled(), json, properties.toolTimeout(), properties.decodeLimits());
    }

    @Bean
    Inspector inspector(Prober prober, MediaProperties properties) throws FfmpegException {
        return new Inspector(Ffmpeg.bundled(), prober, properties.thumbnailSize(), properties.decodeLimits(),
                properties.toolTimeout());
    }
}
