package dev.atelier.credits.internal;

import dev.atelier.accounts.AccountCreated;
import dev.atelier.credits.Credits;
import dev.atelier.credits.CreditsProperties;
import dev.atelier.credits.EntryKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Opens the credit account of every new user and grants the welcome credits. The event is kept
 * in the publication registry until this has run, so it may arrive again (a restart, a second
 * node); the ledger's once-per-(account, kind, reference) rule makes the second time a no-op.
 *
 * <p>No surrounding transaction: opening the account and the grant are each one atomic statement,
 * and outside a transaction a delivery that races another for the same grant simply answers
 * "already applied" and completes, instead of failing and waiting for a resubmission.
 */
@Component
class WelcomeCredits {

    static final String REFERENCE = "welcome";

    private final Credits credits;
    private final CreditsProperties properties;

    WelcomeCredits(Credits credits, CreditsProperties properties) {
        this.credits = credits;
        this.properties = properties;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AccountCreated event) {
        if (properties.welcomeCredits() > 0) {
            credits.adjust(event.userId(), properties.welcomeCredits(), EntryKind.WELCOME, REFERENCE, "Welcome credits");
        } else {
            credits.open(event.userId());
        }
    }
}
