package dev.atelier.generation.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events}: a Server-Sent Events stream of the caller's own job updates
 * ({@code generation.updated}), with keep-alive comments. A browser {@code EventSource} cannot
 * send headers, so this endpoint also takes the access token as {@code ?access_token=}.
 */
@RestController
class EventsController {

    private final EventStreams streams;

    EventsController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresScope(Scope.GENERATE)
    SseEmitter events(@AuthenticationPrincipal CurrentUser user) {
        return streams.open(user.id());
    }
}
