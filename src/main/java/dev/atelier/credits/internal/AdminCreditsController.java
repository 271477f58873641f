package dev.atelier.credits.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.atelier.accounts.AdminOnly;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.credits.Adjustment;
import dev.atelier.credits.Audit;
import dev.atelier.credits.Credits;
import dev.atelier.credits.EntryKind;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.idempotency.IdempotencyKeyRequired;
import dev.atelier.platform.idempotency.IdempotentRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins grant and take away credits, and check the books. */
@RestController
@AdminOnly
@Tag(name = "credits")
class AdminCreditsController {

    private final Credits credits;

    AdminCreditsController(Credits credits) {
        this.credits = credits;
    }

    @Schema(name = "CreditChange")
    record Change(@Schema(description = "Whole credits, not 0: positive grants, negative takes away",
            type = "integer", format = "int64", minimum = "-1000000000", maximum = "1000000000")
            @NotNull BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "CreditChangeResult", requiredProperties = "kind")
    record ChangeView(long entryId, @Schema(allowableValues = {"grant", "adjustment"}) String kind, long amount, long balance, long held, long available) {
    }

    @Schema(name = "CreditAudit", requiredProperties = {"checkedAt", "violations"})
    record AuditView(boolean clean, Instant checkedAt, long accounts, long holds, long entries,
            List<Audit.Violation> violations, boolean truncated) {
    }

    /**
     * A positive amount is a {@code grant}, a negative one an {@code adjustment}. The ledger
     * reference is the idempotency claim, so even a retry after a crash mid-request moves once.
     */
    @PostMapping("/api/v1/admin/accounts/{userId}/credits")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "adminChangeCredits", summary = "Grant credits to a user or take some away")
    @ApiResponse(responseCode = "400", description = "`invalid_amount`, `idempotency_key_required`, "
            + "`validation_failed`, or another malformed request")
    @ApiResponse(responseCode = "404", description = "`account_not_found`: there is no such user")
    @ApiResponse(responseCode = "409", description = "`insufficient_credits`: taking this much would leave less "
            + "than zero available (with `available`)")
    ResponseEntity<ChangeView> change(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID userId,
            @Valid @RequestBody Change body) {
        long amount = wholeAmount(body.amount());
        EntryKind kind = amount > 0 ? EntryKind.GRANT : EntryKind.ADJUSTMENT;
        UUID claim = IdempotentRequest.current().orElseThrow().id();
        String reference = "admin:" + admin.id() + ":" + claim;
        return switch (credits.adjust(userId, amount, kind, reference, body.reason().strip())) {
            case Adjustment.Applied applied -> ResponseEntity.status(HttpStatus.CREATED).body(new ChangeView(
                    applied.entryId(), kind.value(), applied.amount(), applied.balance(), applied.held(),
                    applied.available()));
            case Adjustment.Refused refused -> throw refused.problem();
        };
    }

    @GetMapping("/api/v1/admin/credits/audit")
    @Operation(operationId = "adminAuditCredits", summary = "Check that every balance equals its ledger")
    AuditView audit() {
        Audit audit = credits.audit();
        return new AuditView(audit.clean(), audit.checkedAt(), audit.accounts(), audit.holds(), audit.entries(),
                audit.violations(), audit.truncated());
    }

    private static long wholeAmount(BigDecimal amount) {
        BigDecimal max = BigDecimal.valueOf(Credits.MAX_AMOUNT);
        if (amount.signum() == 0 || amount.stripTrailingZeros().scale() > 0 || amount.abs().compareTo(max) > 0) {
            throw ApiException.badRequest("invalid_amount", "The amount must be a whole number of credits from -"
                    + Credits.MAX_AMOUNT + " to " + Credits.MAX_AMOUNT + ", and not 0");
        }
        return amount.longValueExact();
    }
}
