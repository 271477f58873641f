package dev.atelier.generation.internal;

import static dev.atelier.generation.GenerationStatus.CANCELED;
import static dev.atelier.generation.GenerationStatus.FAILED;
import static dev.atelier.generation.GenerationStatus.QUEUED;
import static dev.atelier.generation.GenerationStatus.RUNNING;
import static dev.atelier.generation.GenerationStatus.SUCCEEDED;
import static dev.atelier.generation.GenerationStatus.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.generation.GenerationStatus;
import dev.atelier.generation.internal.GenerationStates.Money;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenerationStatesTest {

    /** Every pair of states: whether the move is allowed and what it does with the hold. */
    static Stream<Arguments> everyMove() {
        return Stream.of(
                Arguments.of(QUEUED, RUNNING, Money.NOTHING),
                Arguments.of(QUEUED, CANCELED, Money.RELEASE),
                Arguments.of(QUEUED, FAILED, Money.RELEASE),
                Arguments.of(QUEUED, TIMED_OUT, Money.RELEASE),
                Arguments.of(RUNNING, SUCCEEDED, Money.CAPTURE),
                Arguments.of(RUNNING, FAILED, Money.RELEASE),
                Arguments.of(RUNNING, CANCELED, Money.RELEASE),
                Arguments.of(RUNNING, TIMED_OUT, Money.RELEASE),
                Arguments.of(TIMED_OUT, SUCCEEDED, Money.NOTHING));
    }

    @ParameterizedTest(name = "{0} → {1} is allowed and does {2}")
    @MethodSource("everyMove")
    void allowedMovesSettleTheHoldTheRightWay(GenerationStatus from, GenerationStatus to, Money money) {
        assertThat(GenerationStates.allowed(from, to)).isTrue();
        assertThat(GenerationStates.money(from, to)).isEqualTo(money);
    }

    static Stream<Arguments> everyOtherMove() {
        Set<String> allowed = everyMove().map(a -> a.get()[0] + "→" + a.get()[1])
                .collect(java.util.stream.Collectors.toSet());
        return EnumSet.allOf(GenerationStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(GenerationStatus.class).stream().map(to -> Arguments.of(from, to)))
                .filter(a -> !allowed.contains(a.get()[0] + "→" + a.get()[1]));
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @MethodSource("everyOtherMove")
    void everyOtherMoveIsRefused(GenerationStatus from, GenerationStatus to) {
        assertThat(GenerationStates.allowed(from, to)).isFalse();
        assertThatThrownBy(() -> GenerationStates.require(from, to)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @MethodSource("terminalStates")
    void terminalStatesOtherThanTimedOutLeadNowhere(GenerationStatus terminal) {
        assertThat(EnumSet.allOf(GenerationStatus.class)).noneMatch(to -> GenerationStates.allowed(terminal, to));
    }

    static Stream<GenerationStatus> terminalStates() {
        return Stream.of(SUCCEEDED, FAILED, CANCELED);
    }
}
