package dev.atelier.providers.http;

import dev.atelier.platform.PlatformProperties;
import dev.atelier.providers.ProvidersProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the HTTP side of each remote provider from its settings. */
@Component
public class Remotes {

    private final ProvidersProperties properties;
    private final Resilience resilience;
    private final MeterRegistry meters;
    private final Path scratch;
    private final Clock clock;

    public Remotes(ProvidersProperties properties, Resilience resilience, MeterRegistry meters,
            PlatformProperties platform, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.resilience = resilience;
        this.meters = meters;
        this.scratch = platform.dataDirectory().resolve("tmp").resolve("providers");
    }

    /** {@code provider}'s HTTP with these credential headers, against its base URL or {@code defaultBase}. */
    public ProviderHttp http(String provider, ProvidersProperties.Remote remote, String defaultBase,
            Map<String, String> auth) {
        return new ProviderHttp(provider, remote.baseUrlOr(defaultBase), auth, remote.apiKey(), remote.timeout(),
                resilience.guard(provider, remote.maxConcurrent()), meters, properties.maxOutputSize().toBytes(),
                scratch, clock);
    }
}
