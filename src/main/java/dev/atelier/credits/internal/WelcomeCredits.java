package dev.atelier.credits.internal;

import dev.atelier.accounts.AccountCreated;
import dev.atelier.credits.Credits;
import dev.atelier.credits.CreditsProperties;
import dev.atelier.credits.EntryKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the credit account of every new user and grants the welcome credits. The event is kept
 * in the publication registry until this has run, so it may arrive again (a restart, a second
 * node); the ledger's once-per-(account, kind, reference) rule makes the second time a no-op.
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

    @ApplicationModuleListener
    void on(AccountCreated event) {
        if (properties.welcomeCredits() > 0) {
            credits.adjust(event.userId(), properties.welcomeCredits(), EntryKind.WELCOME, REFERENCE, "Welcome credits");
        } else {
            credits.open(event.userId());
        }
    }
}
