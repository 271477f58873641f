package dev.atelier.credits;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Role;
import dev.atelier.credits.internal.JobSlotRows;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The cap on how many jobs one user has active at once ({@code atelier.credits.max-active-jobs}).
 * A job takes a slot when it is submitted (in the submitting transaction) and gives it back when
 * it ends, however it ends; both are idempotent per job reference.
 */
@Service
public class ActiveJobs {

    private static final int MAX_REFERENCE = 200;

    private final JobSlotRows slots;
    private final CreditsProperties properties;

    ActiveJobs(JobSlotRows slots, CreditsProperties properties) {
        this.slots = slots;
        this.properties = properties;
    }

    /** Takes a slot for {@code jobRef}, or answers {@link JobSlot.Full}; a second call for the same job takes none. */
    public JobSlot acquire(CurrentUser user, String jobRef) {
        return acquire(user.id(), user.role(), jobRef);
    }

    public JobSlot acquire(UUID userId, Role role, String jobRef) {
        return slots.acquire(userId, requireReference(jobRef), properties.maxActiveJobs(role));
    }

    /** Frees the job's slot; true if it held one, false if it was already free (or never taken). */
    public boolean release(String jobRef) {
        return slots.release(requireReference(jobRef));
    }

    public int active(UUID userId) {
        return slots.active(userId);
    }

    private static String requireReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("a job reference must be 1 to " + MAX_REFERENCE + " characters");
        }
        return reference;
    }
}
