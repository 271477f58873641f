package dev.atelier.providers.elevenlabs;

import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The ElevenLabs voices a speech request may name ({@code params.voice}). */
@RestController
@Tag(name = "providers")
@RequiresScope(Scope.GENERATE)
class VoicesController {

    private final ObjectProvider<ElevenLabsProvider> provider;
    private final Cursors cursors;

    VoicesController(ObjectProvider<ElevenLabsProvider> provider, Cursors cursors) {
        this.provider = provider;
        this.cursors = cursors;
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping(path = "/api/v1/providers/elevenlabs/voices", produces = "application/json")
    @Operation(summary = "List the ElevenLabs voices", operationId = "listElevenLabsVoices")
    @ApiResponse(responseCode = "200", description = "A page of voices")
    @ApiResponse(responseCode = "503", description = "ElevenLabs is not configured or not answering",
            content = @Content(mediaType = "application/problem+json"))
    Page<ElevenLabsProvider.Voice> voices(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        ElevenLabsProvider elevenLabs = provider.getIfAvailable();
        if (elevenLabs == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_not_configured",
                    "ElevenLabs is not configured on this server");
        }
        PageRequest page = cursors.request("elevenlabs-voices", limit, cursor);
        List<ElevenLabsProvider.Voice> all;
        try {
            all = elevenLabs.voices();
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable", "ElevenLabs is not answering");
        }
        List<ElevenLabsProvider.Voice> after = all.stream()
                .filter(voice -> page.first() || voice.id().compareTo(page.text(0)) > 0)
                .limit(page.fetchSize()).toList();
        return cursors.page("elevenlabs-voices", page, after, voice -> List.of(voice.id()));
    }
}
