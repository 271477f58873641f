package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationStatus;
import dev.atelier.generation.ProviderOutput;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Lets tests drive the engine's insides the way racing workers, webhooks and sweepers would. */
@TestComponent
public class GenerationTestAccess {

    private final TimeoutSweeper sweeper;
    private final GenerationRunner runner;
    private final Transitions transitions;
    private final OutputStore outputs;
    private final GenerationRows rows;
    private final EventStreams streams;

    GenerationTestAccess(TimeoutSweeper sweeper, GenerationRunner runner, Transitions transitions,
            OutputStore outputs, GenerationRows rows, EventStreams streams) {
        this.sweeper = sweeper;
        this.runner = runner;
        this.transitions = transitions;
        this.outputs = outputs;
        this.rows = rows;
        this.streams = streams;
    }

    /** Event streams this node still holds open. */
    public int openStreams() {
        return streams.openStreams();
    }

    public int sweep() {
        return sweeper.sweep();
    }

    /** Runs one step; answers whether another was asked for. */
    public boolean step(UUID id) {
        return runner.step(id) instanceof Step.Again;
    }

    /** What a provider webhook delivering a finished picture would do. */
    public boolean succeedWithPicture(UUID id) {
        Generation g = rows.find(id).orElseThrow();
        ProviderOutput picture = dev.atelier.generation.ScriptedProvider.picture();
        OutputStore.Stored stored = outputs.store(g, List.of(picture));
        var assets = ((OutputStore.Stored.Assets) stored).assets();
        boolean won = transitions.succeed(id, assets);
        if (!won) {
            outputs.delete(g.ownerId(), assets);
        }
        return won;
    }

    public boolean end(UUID id, GenerationStatus status) {
        return transitions.end(id, status, "test", "ended by a test");
    }
}
