package dev.atelier.compat;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OpenAI-compatible API.
 *
 * @param aliases OpenAI model names and what they mean here (an Atelier model id), e.g.
 *     {@code gpt-image-1 → local/sketch}; any Atelier model id works as a name too
 * @param imageWait how long an image request waits for its job before answering that it still runs
 * @param speechWait the same for speech
 * @param maxImages the largest {@code n} of one image request
 */
@ConfigurationProperties("atelier.compat")
public record CompatProperties(
        @DefaultValue Map<String, String> aliases,
        @DefaultValue("60s") Duration imageWait,
        @DefaultValue("60s") Duration speechWait,
        @DefaultValue("4") int maxImages) {
}
