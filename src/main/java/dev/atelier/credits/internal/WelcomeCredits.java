package dev.atelier.credits.internal;

import dev.atelier.accounts.AccountCreated;
import dev.atelier.credits.Credits;
import dev.atelier.credits.CreditsProperties;
import dev.atelier.credits.EntryKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opens the credit account of every new user and grants the welcome credits, right after the
 * sign-up commits and before its response goes out, so a client that signs up and submits work at
 * once finds its credits there. (An {@code @ApplicationModuleListener} would run asynchronously
 * and leave that client a window of "0 available".)
 *
 * <p>It is still a transactional event listener, so Spring Modulith's publication registry keeps
 * the event until this has run and redelivers it after a failure or a restart; the ledger's
 * once-per-(account, kind, reference) rule makes a second delivery a no-op. No surrounding
 * transaction: opening the account and the grant are each one atomic statement, and outside a
 * transaction a delivery that races another answers "already applied" and completes.
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

    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(AccountCreated event) {
        if (properties.welcomeCredits() > 0) {
            credits.adjust(event.userId(), properties.welcomeCredits(), EntryKind.WELCOME, REFERENCE, "Welcome credits");
        } else {
            credits.open(event.userId());
        }
    }
}
