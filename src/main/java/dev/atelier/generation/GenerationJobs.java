package dev.atelier.generation;

import dev.atelier.accounts.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generations as other modules start and follow them, for a caller: the same submit, look-up and
 * cancel the REST API uses (prices, holds, limits, idempotency and history included), so a second
 * front door (the OpenAI-compatible API) is not a second business path.
 */
public interface GenerationJobs {

    /**
     * Prices, holds and schedules the work in one transaction.
     *
     * @throws dev.atelier.platform.ApiException as the REST submit does (unknown model, bad
     *     parameters, too few credits, too many active jobs, foreign inputs)
     */
    GenerationJob submit(CurrentUser user, String model, String prompt, Map<String, Object> params, List<UUID> inputs);

    /** @throws dev.atelier.platform.ApiException 404 when it is not the caller's */
    GenerationJob get(CurrentUser user, UUID id);

    /** Ends queued or running work, releasing its credits; a finished job is answered as it is. */
    GenerationJob cancel(CurrentUser user, UUID id);
}
