package dev.atelier.platform.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A burst of ffmpeg runs queues for the node's slots instead of starting all at once, and none fails. */
class ToolSlotsTest {

    @Test
    void runsBeyondTheSlotsWaitTheirTurnAndAllFinish() throws Exception {
        int before = ToolSlots.size();
        ToolSlots.configure(1);
        try {
            Ffmpeg ffmpeg = Ffmpeg.bundled();
            List<String> oneSecond = List.of("-re", "-f", "lavfi", "-i", "anullsrc=d=1", "-f", "null", "-");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2); // the common pool may have one thread
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(ffmpeg, oneSecond), pool);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(ffmpeg, oneSecond), pool);

            await().atMost(Duration.ofSeconds(5)).until(() -> ToolSlots.waiting() == 1);
            first.get();
            second.get();
            assertThat(ToolSlots.waiting()).isZero();
            pool.shutdown();
        } finally {
            ToolSlots.configure(before);
        }
    }

    private static void run(Ffmpeg ffmpeg, List<String> args) {
        try {
            ffmpeg.run(args, Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
