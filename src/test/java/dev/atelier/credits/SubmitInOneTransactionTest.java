package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.accounts.Role;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Quotation;
import dev.atelier.platform.ApiException;
import dev.atelier.test.AtelierTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the generation module will do on submit: quote, hold, take a slot, insert the job, as one unit. */
@AtelierTest
class SubmitInOneTransactionTest {

    @Autowired
    Catalog catalog;
    @Autowired
    Credits credits;
    @Autowired
    ActiveJobs activeJobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    UUID user;

    @BeforeEach
    void setUp() {
        user = new TestAccounts(jdbc, credits).withCredits(100);
    }

    @AfterEach
    void booksStayBalanced() {
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void aSubmittedJobHoldsItsQuoteAndASlotAndItsCompletionCapturesTheActualCost() {
        String job = submit("local/tune", Map.of("durationSeconds", 40));

        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 40));
        assertThat(activeJobs.active(user)).isEqualTo(1);

        UUID hold = ((Hold.Placed) credits.place(user, 40, job)).holdId(); // the job's stored hold, asked again
        assertThat(credits.capture(hold, 37)).isEqualTo(new Settlement.Captured(hold, 37, 3, false));
        assertThat(activeJobs.release(job)).isTrue();
        assertThat(credits.balance(user)).isEqualTo(new Balance(63, 0));
    }

    @Test
    void whenNoSlotIsFreeTheHoldIsRolledBackToo() {
        for (int i = 0; i < 4; i++) {
            activeJobs.acquire(user, Role.USER, "other:" + UUID.randomUUID());
        }

        assertThatThrownBy(() -> submit("local/sketch", Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("too_many_active_jobs"));

        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 0));
        assertThat(activeJobs.active(user)).isEqualTo(4);
    }

    @Test
    void whenCreditsAreShortNoSlotIsTaken() {
        assertThatThrownBy(() -> submit("local/tune", Map.of("durationSeconds", 120)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(402);
                    assertThat(e.properties()).containsEntry("required", 120L).containsEntry("available", 100L);
                });

        assertThat(activeJobs.active(user)).isZero();
    }

    private String submit(String model, Map<String, Object> params) {
        String job = "generation:" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            Quotation.Quote quote = (Quotation.Quote) catalog.quote(model, "a prompt", params);
            if (credits.place(user, quote.credits(), job) instanceof Hold.Refused refused) {
                throw refused.problem();
            }
            if (activeJobs.acquire(user, Role.USER, job) instanceof JobSlot.Full full) {
                throw full.problem();
            }
        });
        return job;
    }
}
