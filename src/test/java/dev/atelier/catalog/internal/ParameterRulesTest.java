package dev.atelier.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.catalog.FieldError;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.catalog.Parameter;
import dev.atelier.catalog.ParameterType;
import dev.atelier.catalog.PriceRule;
import dev.atelier.catalog.PriceUnit;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterRulesTest {

    static final Model MOTION = new Model("local/motion", ModelKind.VIDEO, "local", "Motion", "", true, 100, List.of(
            new Parameter("durationSeconds", ParameterType.INT, BigDecimal.valueOf(2), BigDecimal.valueOf(30), List.of(),
                    5, false, ""),
            new Parameter("resolution", ParameterType.ENUM, null, null, List.of("360p", "720p"), "360p", false, ""),
            new Parameter("soundtrack", ParameterType.BOOLEAN, null, null, List.of(), false, false, ""),
            new Parameter("strength", ParameterType.NUMBER, BigDecimal.ZERO, BigDecimal.ONE, List.of(), null, false, ""),
            new Parameter("style", ParameterType.STRING, null, BigDecimal.valueOf(5), List.of(), null, true, "")),
            new PriceRule(PriceUnit.PER_SECOND, 2, 4));

    @Test
    void defaultsAreFilledInAndWholeNumbersComeOutAsLongs() {
        ParameterRules.Checked checked = ParameterRules.check(MOTION, "a cat", Map.of("style", "noir"));

        assertThat(checked.errors()).isEmpty();
        assertThat(checked.params()).containsExactly(Map.entry("durationSeconds", 5L),
                Map.entry("resolution", "360p"), Map.entry("soundtrack", false), Map.entry("style", "noir"));
    }

    @Test
    void givenValuesWithinTheRulesAreKept() {
        ParameterRules.Checked checked = ParameterRules.check(MOTION, "a cat", Map.of("durationSeconds", 30.0,
                "resolution", "720p", "soundtrack", true, "strength", 0.5, "style", "x"));

        assertThat(checked.params()).containsEntry("durationSeconds", 30L).containsEntry("strength", new BigDecimal("0.5"));
    }

    @Test
    void everyBrokenRuleIsAFieldError() {
        Map<String, Object> params = new HashMap<>();
        params.put("durationSeconds", 31);
        params.put("resolution", "4k");
        params.put("soundtrack", "yes");
        params.put("strength", Double.NaN);
        params.put("style", "too long");
        params.put("fps", 60);

        ParameterRules.Checked checked = ParameterRules.check(MOTION, " ", params);

        assertThat(checked.params()).isEmpty();
        assertThat(checked.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("prompt",
                "params.fps", "params.durationSeconds", "params.resolution", "params.soundtrack", "params.strength",
                "params.style");
        assertThat(checked.errors()).contains(new FieldError("params.durationSeconds", "must be at most 30"));
    }

    @Test
    void aWholeNumberParameterRefusesFractionsAndARequiredOneMustBeGiven() {
        ParameterRules.Checked checked = ParameterRules.check(MOTION, "x".repeat(101), Map.of("durationSeconds", 2.5));

        assertThat(checked.errors()).containsExactlyInAnyOrder(
                new FieldError("prompt", "must be at most 100 characters"),
                new FieldError("params.durationSeconds", "must be a whole number"),
                new FieldError("params.style", "is required"));
    }
}
