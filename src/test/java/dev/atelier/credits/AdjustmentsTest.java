package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.ApiException;
import dev.atelier.test.AtelierTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtelierTest
class AdjustmentsTest {

    @Autowired
    Credits credits;
    @Autowired
    JdbcClient jdbc;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, credits);
    }

    @AfterEach
    void booksStayBalanced() {
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void grantAddsToTheBalanceAsOneLedgerRow() {
        UUID user = accounts.withCredits(0);

        Adjustment result = credits.adjust(user, 25, EntryKind.GRANT, "grant:1", "a gift");

        assertThat(result).isInstanceOfSatisfying(Adjustment.Applied.class, applied -> {
            assertThat(applied.balance()).isEqualTo(25);
            assertThat(applied.alreadyApplied()).isFalse();
        });
        assertThat(credits.balance(user)).isEqualTo(new Balance(25, 0));
    }

    @Test
    void theSameReferenceIsAppliedOnceAndAnswersTheFirstTime() {
        UUID user = accounts.withCredits(0);
        Adjustment.Applied first = (Adjustment.Applied) credits.adjust(user, 25, EntryKind.GRANT, "grant:1", "x");

        Adjustment again = credits.adjust(user, 25, EntryKind.GRANT, "grant:1", "x");

        assertThat(again).isEqualTo(new Adjustment.Applied(first.entryId(), 25, 25, 0, true));
        assertThat(credits.balance(user).balance()).isEqualTo(25);
    }

    @Test
    void takingAwayMoreThanIsAvailableIsRefusedAndMovesNothing() {
        UUID user = accounts.withCredits(50);
        credits.place(user, 20, "job:" + UUID.randomUUID());

        Adjustment result = credits.adjust(user, -31, EntryKind.ADJUSTMENT, "adjust:1", "too much");

        assertThat(result).isEqualTo(new Adjustment.Refused(-31, 30));
        assertThat(credits.adjust(user, -30, EntryKind.ADJUSTMENT, "adjust:2", "all that is free"))
                .isInstanceOf(Adjustment.Applied.class);
        assertThat(credits.balance(user)).isEqualTo(new Balance(20, 20));
    }

    @Test
    void creditsForSomeoneWhoIsNoUserAreNotFound() {
        assertThatThrownBy(() -> credits.adjust(UUID.randomUUID(), 10, EntryKind.GRANT, "grant:1", "x"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("account_not_found");
                });
    }

}
