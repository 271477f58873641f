package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.AtelierTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Random interleavings of place, capture and release, repeated and raced in pairs, always leave
 * the books balanced and every hold settled exactly once. jqwik runs outside Spring's JUnit
 * extension, so the (cached, shared) test application context is fetched by hand.
 */
@AtelierTest
class HoldPropertiesTest {

    private static Credits credits;
    private static JdbcClient jdbc;
    private static TestAccounts accounts;

    @BeforeContainer
    static void context() {
        ApplicationContext context = new TestContextManager(HoldPropertiesTest.class).getTestContext()
                .getApplicationContext();
        credits = context.getBean(Credits.class);
        jdbc = context.getBean(JdbcClient.class);
        accounts = new TestAccounts(jdbc, credits);
    }

    sealed interface Step {
    }

    record Place(int account, long amount, int reference) implements Step {
    }

    record Capture(int hold, long amount) implements Step {
    }

    record Release(int hold) implements Step {
    }

    /** The previous step again, as a retry would send it. */
    record Repeat() implements Step {
    }

    record Race(Step first, Step second) implements Step {
    }

    @Property(tries = 60)
    void anyInterleavingKeepsTheBooksBalancedAndSettlesEveryHoldOnce(
            @ForAll("steps") List<Step> steps, @ForAll("funding") List<Long> funding) throws Exception {
        Run run = new Run(funding.stream().map(accounts::withCredits).toList());

        Step previous = null;
        for (Step step : steps) {
            run.perform(step instanceof Repeat && previous != null ? previous : step);
            previous = step instanceof Repeat ? previous : step;
        }
        assertThat(credits.audit().violations()).isEmpty();

        for (UUID hold : run.holds) {
            credits.release(hold, "end of run");
        }
        assertThat(credits.audit().violations()).isEmpty();
        for (UUID user : run.users) {
            assertThat(credits.balance(user).held()).isZero();
        }
        assertThat(settlementsPerHold(run)).allSatisfy((hold, count) -> assertThat(count).isEqualTo(1));
        assertThat(run.firstSettlements).allSatisfy((hold, count) -> assertThat(count).isLessThanOrEqualTo(1));
    }

    /** Everything one property run has made, and what it saw. */
    private static final class Run {
        final List<UUID> users;
        final String prefix = "prop:" + UUID.randomUUID() + ":";
        final List<UUID> holds = new ArrayList<>();
        final Map<UUID, Integer> firstSettlements = new HashMap<>();

        Run(List<UUID> users) {
            this.users = users;
        }

        void perform(Step step) throws Exception {
            if (step instanceof Race race) {
                List<Callable<Object>> pair = List.of(() -> call(race.first()), () -> call(race.second()));
                Concurrently.run(2, pair).forEach(this::record);
            } else {
                record(call(step));
            }
        }

        private Object call(Step step) {
            return switch (step) {
                case Place p -> credits.place(users.get(p.account() % users.size()), p.amount(),
                        prefix + (p.account() % users.size()) + ":" + p.reference());
                case Capture c when !holdsSnapshot().isEmpty() ->
                        credits.capture(holdsSnapshot().get(c.hold() % holdsSnapshot().size()), c.amount());
                case Release r when !holdsSnapshot().isEmpty() ->
                        credits.release(holdsSnapshot().get(r.hold() % holdsSnapshot().size()), "released");
                default -> null;
            };
        }

        private synchronized List<UUID> holdsSnapshot() {
            return List.copyOf(holds);
        }

        private synchronized void record(Object result) {
            if (result instanceof Hold.Placed placed && !holds.contains(placed.holdId())) {
                holds.add(placed.holdId());
            }
            if (result instanceof Settlement settlement && !settlement.alreadySettled()) {
                firstSettlements.merge(settlement.holdId(), 1, Integer::sum);
            }
        }
    }

    private static Map<UUID, Integer> settlementsPerHold(Run run) {
        Map<UUID, Integer> counts = new HashMap<>();
        for (UUID hold : run.holds) {
            counts.put(hold, jdbc.sql("""
                    select count(*) from credit_ledger where hold_id = :hold and kind in ('capture', 'release')
                    """).param("hold", hold).query(Integer.class).single());
        }
        return counts;
    }

    @Provide
    Arbitrary<List<Long>> funding() {
        return Arbitraries.longs().between(0, 20).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> single = Arbitraries.oneOf(place(), place(), capture(), release(), Arbitraries.just(new Repeat()));
        Arbitrary<Step> race = Combinators.combine(single, single).as(Race::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, single),
                net.jqwik.api.Tuple.of(1, race)).list().ofMinSize(1).ofMaxSize(25);
    }

    private static Arbitrary<Step> place() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 8),
                Arbitraries.integers().between(0, 5)).as(Place::new);
    }

    private static Arbitrary<Step> capture() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.longs().between(0, 10))
                .as(Capture::new);
    }

    private static Arbitrary<Step> release() {
        return Arbitraries.integers().between(0, 20).map(Release::new);
    }
}
