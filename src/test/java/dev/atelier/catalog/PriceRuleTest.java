package dev.atelier.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceRuleTest {

    @Test
    void perOutputCountsEachOutput() {
        assertThat(new PriceRule(PriceUnit.PER_OUTPUT, 2, 2).cost(Usage.outputs(3))).isEqualTo(6);
    }

    @Test
    void perSecondRoundsUpToWholeCredits() {
        PriceRule rule = new PriceRule(PriceUnit.PER_SECOND, 2, 1);

        assertThat(rule.cost(Usage.seconds(5))).isEqualTo(10);
        assertThat(rule.cost(Usage.seconds(4.2))).isEqualTo(9);
        assertThat(rule.cost(Usage.seconds(4.01))).isEqualTo(9);
    }

    @Test
    void perThousandCharactersRoundsUpAndNeverGoesBelowTheMinimum() {
        PriceRule rule = new PriceRule(PriceUnit.PER_1000_CHARACTERS, 1, 1);

        assertThat(rule.cost(Usage.characters(1))).isEqualTo(1);
        assertThat(rule.cost(Usage.characters(1000))).isEqualTo(1);
        assertThat(rule.cost(Usage.characters(1001))).isEqualTo(2);
        assertThat(new PriceRule(PriceUnit.PER_1000_CHARACTERS, 3, 5).cost(Usage.characters(10))).isEqualTo(5);
    }

    @Test
    void theActualCostNeverExceedsTheQuote() {
        PriceRule rule = new PriceRule(PriceUnit.PER_SECOND, 1, 5);

        assertThat(rule.actualCost(Usage.seconds(31.5), 30)).isEqualTo(30);
        assertThat(rule.actualCost(Usage.seconds(12), 30)).isEqualTo(12);
        assertThat(rule.actualCost(Usage.seconds(0), 30)).isEqualTo(5);
    }

    @Test
    void aPriceNeedsWholePositiveCredits() {
        assertThatThrownBy(() -> new PriceRule(PriceUnit.PER_OUTPUT, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceRule(PriceUnit.PER_OUTPUT, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Usage.seconds(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
