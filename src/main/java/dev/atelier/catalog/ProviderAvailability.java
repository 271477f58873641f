package dev.atelier.catalog;

import java.util.Optional;

/**
 * Whether a provider can take work on this deployment (implemented by the providers module): a
 * model whose provider has no key is listed as unavailable, with the reason, and refused.
 */
public interface ProviderAvailability {

    /** Empty when {@code provider} can take work, else why not (e.g. which setting switches it on). */
    Optional<String> unavailable(String provider);
}
