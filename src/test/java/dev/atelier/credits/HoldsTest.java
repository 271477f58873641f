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
import org.springframework.transaction.support.TransactionTemplate;

@AtelierTest
class HoldsTest {

    @Autowired
    Credits credits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

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
    void holdSetsCreditsAsideAndLeavesTheRestAvailable() {
        UUID user = accounts.withCredits(100);

        Hold hold = credits.place(user, 30, ref());

        assertThat(hold).isInstanceOfSatisfying(Hold.Placed.class, placed -> {
            assertThat(placed.amount()).isEqualTo(30);
            assertThat(placed.available()).isEqualTo(70);
            assertThat(placed.alreadyPlaced()).isFalse();
        });
        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 30));
    }

    @Test
    void holdForMoreThanIsAvailableIsRefusedAndMovesNothing() {
        UUID user = accounts.withCredits(10);
        credits.place(user, 6, ref());

        Hold hold = credits.place(user, 5, ref());

        assertThat(hold).isEqualTo(new Hold.Refused(5, 4));
        assertThat(credits.balance(user)).isEqualTo(new Balance(10, 6));
        assertThat(holdsOf(user)).isEqualTo(1);
    }

    @Test
    void holdForSomeoneWithoutAnAccountIsRefused() {
        assertThat(credits.place(accounts.user(), 1, ref())).isEqualTo(new Hold.Refused(1, 0));
    }

    @Test
    void secondHoldForTheSameReferencePlacesNothingAndAnswersTheFirst() {
        UUID user = accounts.withCredits(100);
        String reference = ref();
        Hold.Placed first = (Hold.Placed) credits.place(user, 40, reference);

        Hold again = credits.place(user, 40, reference);

        assertThat(again).isEqualTo(new Hold.Placed(first.holdId(), 40, 60, true));
        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 40));
    }

    @Test
    void captureSpendsTheCostAndGivesTheRestBack() {
        UUID user = accounts.withCredits(100);
        UUID hold = placed(user, 30);

        Settlement settlement = credits.capture(hold, 12);

        assertThat(settlement).isEqualTo(new Settlement.Captured(hold, 12, 18, false));
        assertThat(credits.balance(user)).isEqualTo(new Balance(88, 0));
    }

    @Test
    void secondCaptureOfTheSameHoldMovesNoCredits() {
        UUID user = accounts.withCredits(100);
        UUID hold = placed(user, 30);
        credits.capture(hold, 12);

        Settlement again = credits.capture(hold, 30);

        assertThat(again).isEqualTo(new Settlement.Captured(hold, 12, 18, true));
        assertThat(credits.balance(user)).isEqualTo(new Balance(88, 0));
    }

    @Test
    void releaseAfterCaptureMovesNothingAndAnswersTheCapture() {
        UUID user = accounts.withCredits(100);
        UUID hold = placed(user, 30);
        credits.capture(hold, 30);

        assertThat(credits.release(hold, "timed out")).isEqualTo(new Settlement.Captured(hold, 30, 0, true));
        assertThat(credits.balance(user)).isEqualTo(new Balance(70, 0));
    }

    @Test
    void releaseGivesTheWholeHoldBackOnce() {
        UUID user = accounts.withCredits(100);
        UUID hold = placed(user, 30);

        assertThat(credits.release(hold, "failed")).isEqualTo(new Settlement.Released(hold, 30, false));
        assertThat(credits.release(hold, "failed")).isEqualTo(new Settlement.Released(hold, 30, true));
        assertThat(credits.capture(hold, 5)).isEqualTo(new Settlement.Released(hold, 30, true));
        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 0));
    }

    @Test
    void captureAboveTheHeldAmountTakesOnlyTheHeldAmount() {
        UUID user = accounts.withCredits(100);
        UUID hold = placed(user, 30);

        assertThat(credits.capture(hold, 45)).isEqualTo(new Settlement.Captured(hold, 30, 0, false));
        assertThat(credits.balance(user)).isEqualTo(new Balance(70, 0));
    }

    @Test
    void settlingAnUnknownHoldIsNotFound() {
        assertThatThrownBy(() -> credits.capture(UUID.randomUUID(), 1))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> credits.release(UUID.randomUUID(), "x")).isInstanceOf(ApiException.class);
    }

    @Test
    void zeroNegativeOrEnormousAmountsAreRefusedAndMoveNothing() {
        UUID user = accounts.withCredits(100);
        UUID hold = placed(user, 10);

        for (long bad : new long[] {0, -1, Credits.MAX_AMOUNT + 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> credits.place(user, bad, ref())).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_amount"));
        }
        assertThatThrownBy(() -> credits.capture(hold, -1)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> credits.adjust(user, 0, EntryKind.GRANT, ref(), "x")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> credits.adjust(user, Long.MIN_VALUE, EntryKind.ADJUSTMENT, ref(), "x"))
                .isInstanceOf(ApiException.class);
        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 10));
    }

    @Test
    void aHoldInsideTheCallersTransactionRollsBackWithIt() {
        UUID user = accounts.withCredits(100);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            assertThat(credits.place(user, 50, ref())).isInstanceOf(Hold.Placed.class);
            throw new IllegalStateException("the job insert failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 0));
        assertThat(holdsOf(user)).isZero();
    }

    @Test
    void everyMovementIsALedgerRowWithTheAccountAfterIt() {
        UUID user = accounts.withCredits(100);
        UUID captured = placed(user, 30);
        UUID released = placed(user, 20);
        credits.capture(captured, 25);
        credits.release(released, "canceled");

        var entries = credits.ledger(user, new dev.atelier.platform.PageRequest(10, java.util.List.of()));

        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(
                EntryKind.RELEASE, EntryKind.CAPTURE, EntryKind.HOLD, EntryKind.HOLD, EntryKind.GRANT);
        assertThat(entries).extracting(LedgerEntry::amount).containsExactly(0L, -25L, 0L, 0L, 100L);
        assertThat(entries).extracting(LedgerEntry::balanceAfter).containsExactly(75L, 75L, 100L, 100L, 100L);
        assertThat(entries).extracting(LedgerEntry::heldAfter).containsExactly(0L, 20L, 50L, 30L, 0L);
    }

    private UUID placed(UUID user, long amount) {
        return ((Hold.Placed) credits.place(user, amount, ref())).holdId();
    }

    private int holdsOf(UUID user) {
        return jdbc.sql("select count(*) from credit_holds where user_id = :u").param("u", user).query(Integer.class)
                .single();
    }

    private static String ref() {
        return "test:" + UUID.randomUUID();
    }
}
