package dev.atelier.generation.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "generation")
class EventsController {

    private final EventStreams streams;

    EventsController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresScope(Scope.GENERATE)
    @Operation(operationId = "streamEvents", summary = "A live stream of the caller's job updates",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "accessTokenQuery")},
            description = "Server-Sent Events. Event `generation.updated` (with an `id:` line): data "
                    + "`{id, status, progress?, outputs?}` as JSON, one per state change of one of the caller's "
                    + "generations; a success carries its outputs with signed URLs. Comment lines keep the "
                    + "connection alive. A client reconnecting with `Last-Event-ID` first gets the events it "
                    + "missed (kept for a few minutes). A browser `EventSource` may pass the access token as "
                    + "`?access_token=`.")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @Parameter(name = "access_token", in = ParameterIn.QUERY, description = "The access token, for a browser "
            + "`EventSource` that cannot send headers (event streams only)", schema = @Schema(type = "string",
            maxLength = 4096))
    @ApiResponse(responseCode = "400", description = "`invalid_parameter`: a Last-Event-ID this server did not send")
    @ApiResponse(responseCode = "429", description = "`too_many_streams`: at most a few open streams per user")
    SseEmitter events(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The id of the last event received, to get the ones missed since",
                    schema = @Schema(type = "string", maxLength = 20))
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
