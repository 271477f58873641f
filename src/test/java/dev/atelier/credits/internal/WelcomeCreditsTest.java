package dev.atelier.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.AccountCreated;
import dev.atelier.credits.AccountLock;
import dev.atelier.credits.Balance;
import dev.atelier.credits.Credits;
import dev.atelier.credits.TestAccounts;
import dev.atelier.test.AtelierTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry delivers {@link AccountCreated} at least once: after a crash
 * between the grant and the recorded completion, or from two nodes resubmitting at once, the
 * listener runs again. Redelivery is modelled by calling it again.
 */
@AtelierTest
class WelcomeCreditsTest {

    @Autowired
    WelcomeCredits listener;
    @Autowired
    Credits credits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DataSource dataSource;

    static final int RACERS = 5;

    WelcomeCredits welcome;

    @BeforeEach
    void setUp() {
        welcome = AopTestUtils.getUltimateTargetObject(listener); // the bean is a transactional proxy
    }

    @AfterEach
    void booksStayBalanced() {
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void aNewAccountHasItsWelcomeCreditsWhenTheSignUpTransactionHasCommitted() {
        AccountCreated created = created(user());

        transactions.executeWithoutResult(status -> events.publishEvent(created));

        assertThat(credits.balance(created.userId())).isEqualTo(new Balance(100, 0));
        // delivered, and its publication deleted once done (completion-mode delete: none kept for ever)
        assertThat(publications(created.userId())).isZero();
    }

    @Test
    void aSecondDeliveryGrantsNothing() {
        AccountCreated created = created(user());

        welcome.on(created);
        welcome.on(created);

        assertThat(credits.balance(created.userId())).isEqualTo(new Balance(100, 0));
        assertThat(welcomeRows(created.userId())).isEqualTo(1);
    }

    @Test
    void racingDeliveriesAllSucceedAndGrantOnce() throws Exception {
        AccountCreated created = created(user());
        credits.open(created.userId());
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<?>> deliveries = new ArrayList<>();
            try (AccountLock lock = AccountLock.on(dataSource, created.userId())) {
                for (int i = 0; i < RACERS; i++) {
                    deliveries.add(pool.submit(() -> welcome.on(created)));
                }
                lock.awaitWaiters(jdbc, RACERS);
            }
            for (Future<?> delivery : deliveries) {
                delivery.get(30, TimeUnit.SECONDS); // none throws: a loser answers "already applied"
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(credits.balance(created.userId())).isEqualTo(new Balance(100, 0));
        assertThat(welcomeRows(created.userId())).isEqualTo(1);
    }

    private UUID user() {
        return TestAccounts.user(jdbc);
    }

    private static AccountCreated created(UUID user) {
        return new AccountCreated(user, user + "@credits.test", Instant.now());
    }

    private int welcomeRows(UUID user) {
        return jdbc.sql("select count(*) from credit_ledger where user_id = :u and kind = 'welcome'")
                .param("u", user).query(Integer.class).single();
    }

    private int publications(UUID user) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :u")
                .param("u", "%" + user + "%").query(Integer.class).single();
    }
}
