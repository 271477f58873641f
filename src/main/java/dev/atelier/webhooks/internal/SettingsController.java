package dev.atelier.webhooks.internal;

import org.springframework.http.HttpStatus;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The user's webhook settings: below which balance {@code credits.low} is sent (0: never). */
@RestController
@RequestMapping(path = "/api/v1/webhook-endpoints/settings", produces = "application/json")
@RequiresScope(Scope.WEBHOOKS)
@Tag(name = "webhooks")
class SettingsController {

    private final SettingsRows settings;
    private final Intake intake;
    private final Clock clock;

    SettingsController(SettingsRows settings, Intake intake, Clock clock) {
        this.settings = settings;
        this.intake = intake;
        this.clock = clock;
    }

    record Settings(@NotNull @Min(0) @Max(1_000_000_000) Long creditsLowThreshold) {
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping
    @Operation(summary = "Your webhook settings", operationId = "getWebhookSettings")
    Settings get(@AuthenticationPrincipal CurrentUser user) {
        return new Settings(intake.threshold(user.id()));
    }

    @ResponseStatus(HttpStatus.OK)
    @PutMapping(consumes = "application/json")
    @Operation(summary = "Set the balance below which credits.low is sent (0: never)", operationId = "updateWebhookSettings")
    @ApiResponse(responseCode = "400", description = "Invalid threshold", content = @Content(mediaType = "application/problem+json"))
    Settings put(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Settings body) {
        settings.setCreditsLowThreshold(user.id(), body.creditsLowThreshold(), clock.instant());
        return new Settings(body.creditsLowThreshold());
    }
}
