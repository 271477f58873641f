package dev.atelier.render.internal;

import dev.atelier.platform.node.LocalSweep;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The copies of render inputs live on the node that rendered: each node removes its own unused
 * ones (the cluster's {@code render-sweeper} runs on one node only).
 */
@Component
class InputsSweep implements LocalSweep {

    private final Inputs inputs;

    InputsSweep(Inputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public String name() {
        return "render_inputs";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(30);
    }

    @Override
    public int sweep() {
        return inputs.removeUnused(Duration.ofDays(1));
    }
}
