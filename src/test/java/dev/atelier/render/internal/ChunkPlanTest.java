package dev.atelier.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.render.graph.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    @Test
    void chunksCoverTheWholeLengthOnWholeFramesAndALastRemainderUnderHalfJoinsTheOneBefore() {
        assertThat(ChunkPlan.windows(9000, 3000, 30))
                .containsExactly(new Window(0, 3000), new Window(3000, 6000), new Window(6000, 9000));
        assertThat(ChunkPlan.windows(10_400, 3000, 30)).last().isEqualTo(new Window(6000, 10_400));
        assertThat(ChunkPlan.windows(10_600, 3000, 30)).last().isEqualTo(new Window(9000, 10_600));
        List<Window> odd = ChunkPlan.windows(600_000, 60_000, 24);
        for (int i = 0; i < odd.size(); i++) {
            Window w = odd.get(i);
            assertThat(w.fromMs()).isEqualTo(i == 0 ? 0 : odd.get(i - 1).toMs());
            assertThat(w.fromMs() * 24 % 1000).as("%s starts on a whole frame", w).isLessThan(24);
        }
        assertThat(odd.getLast().toMs()).isEqualTo(600_000);
    }
}
