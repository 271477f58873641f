package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.AtelierTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The money path on the real PostgreSQL with many threads racing at one account. */
@AtelierTest
class ConcurrentHoldsTest {

    @Autowired
    Credits credits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    /** Racers queued on one account row: the test pool has 8 connections, the lock takes one. */
    static final int RACERS = 5;

    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, credits);
    }

    @Test
    void thirtyTwoThreadsFiringFourHundredHoldsNeverOverdrawAnAccountOfOneHundred() throws Exception {
        UUID user = accounts.withCredits(100);
        Random random = new Random(42);
        List<Callable<Hold>> holds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long amount = 1 + random.nextInt(3);
            holds.add(() -> credits.place(user, amount, "race:" + UUID.randomUUID()));
        }

        List<Hold> results = Concurrently.run(32, holds);

        long placed = results.stream().filter(Hold.Placed.class::isInstance)
                .mapToLong(hold -> ((Hold.Placed) hold).amount()).sum();
        assertThat(placed).isPositive().isLessThanOrEqualTo(100);
        assertThat(results).filteredOn(Hold.Refused.class::isInstance)
                .allSatisfy(hold -> assertThat(((Hold.Refused) hold).available())
                        .isLessThan(((Hold.Refused) hold).required()));
        Balance balance = credits.balance(user);
        assertThat(balance).isEqualTo(new Balance(100, placed));
        assertThat(balance.available()).isGreaterThanOrEqualTo(0);
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void racingCapturesAndReleasesOfOneHoldSettleItOnce() throws Exception {
        UUID user = accounts.withCredits(100);
        UUID hold = ((Hold.Placed) credits.place(user, 30, "race:" + UUID.randomUUID())).holdId();
        List<Callable<Settlement>> settlements = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long cost = 5 + i;
            settlements.add(i % 2 == 0 ? () -> credits.capture(hold, cost) : () -> credits.release(hold, "raced"));
        }

        List<Settlement> results = Concurrently.run(16, settlements);

        List<Settlement> firsts = results.stream().filter(s -> !s.alreadySettled()).toList();
        assertThat(firsts).hasSize(1);
        Settlement first = firsts.getFirst();
        assertThat(results).extracting(ConcurrentHoldsTest::firstTime).containsOnly(first);
        long spent = first instanceof Settlement.Captured captured ? captured.amount() : 0;
        assertThat(credits.balance(user)).isEqualTo(new Balance(100 - spent, 0));
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void racingPlacesOfOneReferenceHoldItOnceAndAllAnswerTheSameHold() throws Exception {
        UUID user = accounts.withCredits(100);
        String reference = "race:" + UUID.randomUUID();
        List<java.util.concurrent.Future<Hold>> places = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(RACERS);
        try {
            try (AccountLock lock = AccountLock.on(dataSource, user)) {
                for (int i = 0; i < RACERS; i++) {
                    places.add(pool.submit(() -> credits.place(user, 10, reference)));
                }
                lock.awaitWaiters(jdbc, RACERS);
            }
            List<Hold> results = new ArrayList<>();
            for (var place : places) {
                results.add(place.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(results).allSatisfy(hold -> assertThat(hold).isInstanceOf(Hold.Placed.class));
            assertThat(results).extracting(hold -> ((Hold.Placed) hold).holdId())
                    .containsOnly(((Hold.Placed) results.getFirst()).holdId());
            assertThat(results).filteredOn(hold -> !((Hold.Placed) hold).alreadyPlaced()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(credits.balance(user)).isEqualTo(new Balance(100, 10));
        assertThat(credits.audit().violations()).isEmpty();
    }

    private static Settlement firstTime(Settlement settlement) {
        return switch (settlement) {
            case Settlement.Captured c -> new Settlement.Captured(c.holdId(), c.amount(), c.released(), false);
            case Settlement.Released r -> new Settlement.Released(r.holdId(), r.amount(), false);
        };
    }
}
