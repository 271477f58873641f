package dev.atelier.generation.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import dev.atelier.platform.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events}: a Server-Sent Events stream of the caller's own job updates
 * ({@code generation.updated}, each with an {@code id:}), with keep-alive comments. A client that
 * reconnects with {@code Last-Event-ID} (as a browser's {@code EventSource} does by itself) first
 * gets the events it missed. A browser {@code EventSource} cannot send other headers, so this
 * endpoint also takes the access token as {@code ?access_token=}.
 */
@RestController
class EventsController {

    private final EventStreams streams;

    EventsController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresScope(Scope.GENERATE)
    SseEmitter events(@AuthenticationPrincipal CurrentUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(user.id(), eventId(lastEventId));
    }

    /** An event id this server gave (a whole number), or none. */
    private static Long eventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest("invalid_parameter", "Last-Event-ID must be an event id this server sent");
    }
}
