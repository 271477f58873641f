package dev.atelier.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the model providers.
 *
 * @param local the offline models
 */
@ConfigurationProperties("atelier.providers")
public record ProvidersProperties(@DefaultValue Local local) {

    /**
     * @param enabled whether the offline models run on this node
     * @param concurrency renders at once on this node (they use whole cores); 0 means one per core
     */
    public record Local(@DefaultValue("true") boolean enabled, @DefaultValue("0") int concurrency) {

        public int permits() {
            return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        }
    }
}
