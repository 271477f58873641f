package dev.atelier.generation.internal;

import static dev.atelier.generation.GenerationStatus.CANCELED;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.credits.ActiveJobs;
import dev.atelier.credits.Credits;
import dev.atelier.credits.Hold;
import dev.atelier.credits.JobSlot;
import dev.atelier.generation.GenerationProperties;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.BackgroundWork;
import dev.atelier.platform.idempotency.IdempotentRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The use cases behind the API: submit, look at, cancel and delete generations. */
@Component
class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    private final GenerationRows rows;
    private final Pricing pricing;
    private final Credits credits;
    private final ActiveJobs activeJobs;
    private final BackgroundWork work;
    private final Transitions transitions;
    private final Providers providers;
    private final OutputStore outputs;
    private final GenerationProperties properties;
    private final Clock clock;

    Generations(GenerationRows rows, Pricing pricing, Credits credits, ActiveJobs activeJobs, BackgroundWork work,
            Transitions transitions, Providers providers, OutputStore outputs, GenerationProperties properties,
            Clock clock) {
        this.rows = rows;
        this.pricing = pricing;
        this.credits = credits;
        this.activeJobs = activeJobs;
        this.work = work;
        this.transitions = transitions;
        this.providers = providers;
        this.outputs = outputs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Prices the request, holds the credits, takes an active-job slot, stores the job and
     * schedules its work — all in one transaction, so a refusal anywhere leaves nothing behind.
     */
    @Transactional
    Generation submit(CurrentUser user, String model, String prompt, Map<String, Object> params, List<UUID> inputs) {
        Pricing.Priced priced = pricing.price(model, prompt, params);
        pricing.checkInputs(priced, outputs.requireOwnedInputs(user.id(), inputs));
        Optional<IdempotentRequest> claim = IdempotentRequest.current();
        UUID id = jobIdOf(claim);
        // only a job id that follows from a key can have been used before (a random one was not)
        Optional<Generation> submittedBefore = claim.isPresent()
                ? rows.find(id).filter(g -> g.ownerId().equals(user.id())) : Optional.empty();
        if (submittedBefore.isPresent()) {
            return submittedBefore.get(); // a retry that took over the claim of a submit whose node died after commit
        }
        String reference = "generation:" + id;
        Hold hold = credits.place(user.id(), priced.quote(), reference);
        if (hold instanceof Hold.Refused refused) {
            throw refused.problem();
        }
        if (activeJobs.acquire(user, reference) instanceof JobSlot.Full full) {
            throw full.problem();
        }
        Instant now = clock.instant();
        Generation g = new Generation(id, user.id(), model, priced.kind(), priced.provider(), prompt, priced.params(),
                inputs, dev.atelier.generation.GenerationStatus.QUEUED, null, null, 0, null, priced.priceSnapshot(),
                ((Hold.Placed) hold).holdId(), priced.quote(), null, null, null, null, false,
                now.plus(properties.timeoutOf(model)), now, null, null, now, List.of(), null);
        rows.insert(g);
        if (claim.isPresent()) {
            work.scheduleNow(RunGenerationTask.instance(id));
        } else {
            work.scheduleNewNow(RunGenerationTask.instance(id)); // a random id: its work cannot exist yet
        }
        return g;
    }

    /**
     * With an {@code Idempotency-Key} the job id follows from the key's claim, so a retry that takes
     * over the claim of a request whose node died after committing finds the job instead of
     * making (and paying for) a second one.
     */
    private static UUID jobIdOf(Optional<IdempotentRequest> claim) {
        return claim.map(request -> UUID.nameUUIDFromBytes(("generation:" + request.id())
                .getBytes(StandardCharsets.UTF_8))).orElseGet(UUID::randomUUID);
    }

    Generation get(CurrentUser user, UUID id) {
        return Ownership.require(user, rows.find(id), "Generation");
    }

    /**
     * Queued work ends at once; running work ends too and its provider is asked to stop (work on
     * this or another node is interrupted). Work that finished first stays as it ended.
     */
    Generation cancel(CurrentUser user, UUID id) {
        Generation g = get(user, id);
        if (g.status().terminal()) {
            throw ApiException.conflict("generation_finished", "The generation already ended " + g.status().value())
                    .with("generationStatus", g.status().value());
        }
        if (transitions.end(id, CANCELED, "canceled", "Canceled by its owner")) {
            providers.find(g.provider()).ifPresent(provider -> {
                try {
                    provider.cancel(Providers.request(g), g.providerJobId());
                } catch (RuntimeException e) {
                    log.warn("Provider {} could not cancel generation {}", g.provider(), id, e);
                }
            });
        }
        return rows.find(id).orElseThrow();
    }

    /**
     * Removes a finished generation from history and deletes its outputs from the library (see
     * docs/generation.md). When an output is still in use nothing is deleted: 409 {@code asset_in_use}.
     * Outputs go first, each in a transaction of its own, then the row: a delete that fails half-way
     * leaves the generation to delete again, never outputs nobody can find.
     */
    void delete(CurrentUser user, UUID id) {
        Generation g = get(user, id);
        if (!g.status().terminal()) {
            throw ApiException.conflict("generation_active", "Cancel the generation before deleting it");
        }
        outputs.requireNoneInUse(g.ownerId(), g.outputs());
        outputs.deleteOutputs(g.ownerId(), g.outputs());
        rows.delete(id);
    }
}
