package dev.atelier.providers.http;

import dev.atelier.catalog.ProviderAvailability;
import dev.atelier.generation.GenerationProvider;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A provider is available when its bean exists, which it does only when its key (ComfyUI: its
 * URL) is configured; the reason names the one environment variable that switches it on.
 */
@Component
class ConfiguredProviders implements ProviderAvailability {

    private static final Map<String, String> SWITCHES = Map.of(
            "openai", "ATELIER_PROVIDERS_OPENAI_API_KEY",
            "replicate", "ATELIER_PROVIDERS_REPLICATE_API_KEY",
            "veo", "ATELIER_PROVIDERS_VEO_API_KEY",
            "fal", "ATELIER_PROVIDERS_FAL_API_KEY",
            "elevenlabs", "ATELIER_PROVIDERS_ELEVENLABS_API_KEY",
            "comfyui", "ATELIER_PROVIDERS_COMFYUI_BASE_URL",
            "local", "ATELIER_PROVIDERS_LOCAL_ENABLED=true");

    // looked up on first use: the adapters need the catalog, which asks this
    private final ObjectProvider<GenerationProvider> providers;
    private volatile Set<String> present;

    ConfiguredProviders(ObjectProvider<GenerationProvider> providers) {
        this.providers = providers;
    }

    @Override
    public Optional<String> unavailable(String provider) {
        if (present == null) {
            present = providers.orderedStream().map(GenerationProvider::id).collect(Collectors.toUnmodifiableSet());
        }
        if (present.contains(provider)) {
            return Optional.empty();
        }
        String setting = SWITCHES.get(provider);
        return Optional.of(setting == null ? "the provider " + provider + " is not installed"
                : "the provider " + provider + " is not configured on this server (an operator sets " + setting + ")");
    }
}
