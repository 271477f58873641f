package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationProvider;
import dev.atelier.generation.ProgressReporter;
import dev.atelier.generation.ProviderRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every provider bean, by its id (the catalog's {@code provider} of a model). */
@Component
class Providers {

    private final Map<String, GenerationProvider> byId;

    Providers(List<GenerationProvider> providers) {
        this.byId = providers.stream().collect(Collectors.toUnmodifiableMap(GenerationProvider::id, Function.identity()));
    }

    Optional<GenerationProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    static ProviderRequest request(Generation g) {
        return request(g, ProgressReporter.NONE);
    }

    static ProviderRequest request(Generation g, ProgressReporter progress) {
        return new ProviderRequest(g.id(), g.ownerId(), g.modelToRun(), g.kind(), g.prompt(), g.params(), g.inputAssetIds(),
                progress);
    }
}
