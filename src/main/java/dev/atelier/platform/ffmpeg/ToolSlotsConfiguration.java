package dev.atelier.platform.ffmpeg;

import dev.atelier.platform.PlatformProperties;
import org.springframework.context.annotation.Configuration;

/** Applies {@code atelier.ffmpeg.max-processes} to {@link ToolSlots} when the application starts. */
@Configuration(proxyBeanMethods = false)
class ToolSlotsConfiguration {

    ToolSlotsConfiguration(PlatformProperties properties) {
        ToolSlots.configure(properties.ffmpeg().processes());
    }
}
