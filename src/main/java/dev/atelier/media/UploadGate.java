package dev.atelier.media;

import dev.atelier.accounts.CurrentUser;

/**
 * The seam for upload rate and concurrency limits (the credits module will provide one): every
 * bean implementing it is asked before an upload's body is read, and the admission it hands out
 * is closed when the upload ends, however it ends. Refuse by throwing an
 * {@link dev.atelier.platform.ApiException} (429 with {@code Retry-After}). None is required.
 */
public interface UploadGate {

    Admission admit(CurrentUser user);

    /** Held for the length of one upload. */
    interface Admission extends AutoCloseable {
        @Override
        void close();
    }
}
