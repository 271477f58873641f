package dev.atelier.render.internal;

import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Remote render workers: which one takes a render, sending it, and whether it still works on one. */
@Component
class RemoteRenders {

    Optional<URI> pick() {
        return Optional.empty();
    }

    boolean stillWorking(Export e) {
        return false;
    }

    Step send(Export e, String worker) {
        throw new UnsupportedOperationException("remote rendering is not configured");
    }
}
