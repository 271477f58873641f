package dev.atelier.generation.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.credits.OperationClass;
import dev.atelier.credits.RateLimits;
import dev.atelier.generation.GenerationJob;
import dev.atelier.generation.GenerationJobs;
import dev.atelier.platform.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link GenerationJobs} over the same use cases (and the same rate limit) the REST controller uses. */
@Component
class GenerationJobsService implements GenerationJobs {

    private final Generations generations;
    private final RateLimits rateLimits;

    GenerationJobsService(Generations generations, RateLimits rateLimits) {
        this.generations = generations;
        this.rateLimits = rateLimits;
    }

    @Override
    public GenerationJob submit(CurrentUser user, String model, String prompt, Map<String, Object> params,
            List<UUID> inputs) {
        rateLimits.check(user, OperationClass.GENERATION);
        return view(generations.submit(user, model, prompt, params, inputs));
    }

    @Override
    public GenerationJob get(CurrentUser user, UUID id) {
        return view(generations.get(user, id));
    }

    @Override
    public GenerationJob cancel(CurrentUser user, UUID id) {
        try {
            return view(generations.cancel(user, id));
        } catch (ApiException e) {
            if ("generation_finished".equals(e.code())) {
                return get(user, id); // it ended first: that is the answer
            }
            throw e;
        }
    }

    private static GenerationJob view(Generation g) {
        return new GenerationJob(g.id(), g.model(), g.kind(), g.prompt(), g.params(), g.status(), g.progress(),
                g.errorCode(), g.errorMessage(), g.outputs(), g.createdAt(), g.finishedAt());
    }
}
