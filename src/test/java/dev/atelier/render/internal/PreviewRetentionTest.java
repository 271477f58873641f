package dev.atelier.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.SharedFiles;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Cached preview windows nobody asked for in a while are removed from the table and the shared store; the ones in use stay. */
@AtelierTest
class PreviewRetentionTest {

    @Autowired
    PreviewCache cache;
    @Autowired
    RenderSweeper sweeper;
    @Autowired
    MutableClock clock;
    @Autowired
    WorkFolders folders;
    @Autowired
    SharedFiles shared;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void windowsUnusedForTheRetentionPeriodAreRemovedByTheSweeper() throws Exception {
        String old = "a".repeat(64);
        String used = "b".repeat(64);
        for (String key : List.of(old, used)) {
            Path work = folders.create("retention-test");
            Path segment = Files.writeString(work.resolve("segment.ts"), "not really a segment");
            cache.put(key, segment);
            folders.delete(work);
            assertThat(cache.has(key)).isTrue();
            assertThat(shared.sizeKeyed(key)).contains(20L);
        }
        clock.advance(Duration.ofDays(6));
        cache.touch(List.of(used));
        clock.advance(Duration.ofDays(2));
        sweeper.sweep();
        assertThat(cache.has(old)).isFalse();
        assertThat(cache.has(used)).isTrue();
        assertThat(shared.sizeKeyed(old)).as("the blob goes with its row").isEmpty();
        try (PreviewCache.Segment segment = cache.open(used).orElseThrow()) {
            assertThat(segment.bytes()).isEqualTo(20);
        }
        assertThat(cache.open(old)).isEmpty();
    }
}
