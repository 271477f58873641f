package dev.atelier.generation.internal;

import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderCallbacks;
import dev.atelier.generation.ProviderRequest;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Finds the job a provider's notice is about and hands the result to the runner's usual handling. */
@Component
class WebhookDelivery implements ProviderCallbacks {

    private final GenerationRows rows;
    private final GenerationRunner runner;

    WebhookDelivery(GenerationRows rows, GenerationRunner runner) {
        this.rows = rows;
        this.runner = runner;
    }

    @Override
    public boolean deliver(String provider, String providerJobId, Function<ProviderRequest, PollResult> result) {
        return rows.findByProviderJob(provider, providerJobId).map(g -> runner.deliver(g, result)).orElse(false);
    }
}
