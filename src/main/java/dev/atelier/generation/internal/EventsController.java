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
@Tag(name = "generation")
class EventsController {

    private final EventStreams streams;

    EventsController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamEvents", summary = "A live stream of the caller's job updates",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "accessTokenQuery")},
            description = "Server-Sent Events. Event `generation.updated`: data `{id, status, progress?}` as JSON, "
                    + "one per state change of one of the caller's generations. Comment lines keep the connection "
                    + "alive. A browser `EventSource` may pass the access token as `?access_token=`.")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @Parameter(name = "access_token", in = ParameterIn.QUERY, description = "The access token, for a browser "
            + "`EventSource` that cannot send headers (event streams only)", schema = @Schema(type = "string",
            maxLength = 4096))
    @ApiResponse(responseCode = "429", description = "`too_many_streams`: at most a few open streams per user")
    SseEmitter events(@AuthenticationPrincipal CurrentUser user) {
        return streams.open(user.id());
    }
}
