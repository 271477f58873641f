package dev.atelier.credits.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.credits.Balance;
import dev.atelier.credits.Credits;
import dev.atelier.credits.LedgerEntry;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A caller's own credits: the balance and the ledger. */
@RestController
@RequestMapping("/api/v1/credits")
@RequiresScope(Scope.BILLING_READ)
@Tag(name = "credits", description = "Balances and the ledger")
class CreditsController {

    private final Credits credits;
    private final Cursors cursors;

    CreditsController(Credits credits, Cursors cursors) {
        this.credits = credits;
        this.cursors = cursors;
    }

    @Schema(name = "Balance")
    record BalanceView(long balance, long held, long available) {
        static BalanceView of(Balance balance) {
            return new BalanceView(balance.balance(), balance.held(), balance.available());
        }
    }

    @Schema(name = "LedgerEntry", requiredProperties = {"kind", "createdAt"})
    record EntryView(long id, @Schema(allowableValues = {"welcome", "grant", "adjustment", "hold", "capture", "release"}) String kind, long amount, long heldChange, long balanceAfter, long heldAfter,
            String reference, UUID holdId, String reason, Instant createdAt) {
        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.kind().value(), e.amount(), e.heldChange(), e.balanceAfter(),
                    e.heldAfter(), e.reference(), e.holdId(), e.reason(), e.createdAt());
        }
    }

    @GetMapping
    @Operation(operationId = "getBalance", summary = "The caller's credits: balance, held and available")
    BalanceView balance(@AuthenticationPrincipal CurrentUser user) {
        return BalanceView.of(credits.balance(user.id()));
    }

    @GetMapping("/ledger")
    @Operation(operationId = "listLedgerEntries", summary = "Every movement of the caller's credits, newest first")
    Page<EntryView> ledger(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        String scope = "credit-ledger:" + user.id();
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, credits.ledger(user.id(), page), entry -> List.of(entry.id()))
                .map(EntryView::of);
    }
}
