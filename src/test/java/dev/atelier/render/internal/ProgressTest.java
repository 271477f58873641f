package dev.atelier.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void outTimeIsReadInMicroseconds() {
        String blocks = """
                frame=10
                out_time_us=N/A
                out_time_ms=N/A
                progress=continue
                frame=60
                out_time_us=2500000
                out_time_ms=2500000
                out_time=00:00:02.500000
                progress=continue
                """;
        assertThat(Progress.outTimeMicros(blocks)).hasValue(2_500_000);
        assertThat(Progress.percent(2_500_000, 10_000)).isEqualTo(25);
        assertThat(Progress.percent(20_000_000, 10_000)).as("never 100 before the row says so").isEqualTo(99);
        assertThat(Progress.outTimeMicros("out_time_ms=1000000\n")).as("the misnamed one is microseconds too")
                .hasValue(1_000_000);
        assertThat(Progress.outTimeMicros("progress=continue\n")).isEmpty();
    }

    @Test
    void previewWindowsAreFixedAndAShortLastOneJoinsTheOneBefore() {
        assertThat(Preview.plan(15_000, 2000)).containsExactly(2000L, 4000L, 6000L, 8000L, 10_000L, 12_000L, 14_000L, 15_000L);
        assertThat(Preview.plan(8_500, 4000)).containsExactly(4000L, 8500L);
        assertThat(Preview.plan(3_000, 4000)).containsExactly(3000L);
    }

    @Test
    void theEncoderIsPickedFromWhatTheBinaryOffers() {
        String list = """
                 V....D libopenh264          OpenH264 H.264 / AVC
                 V....D libvpx-vp9           libvpx VP9 (codec vp9)
                 A....D aac                  AAC (Advanced Audio Coding)
                 A..X.D opus                 Opus
                """;
        var picked = RenderTools.of(list, "ffmpeg version 8.1.2 Copyright");
        assertThat(picked.h264()).isEqualTo("libopenh264");
        assertThat(picked.opus()).isEqualTo("opus");
        assertThat(picked.slashOptions()).isTrue();
        var old = RenderTools.of(" V..... libx264              libx264 H.264\n", "ffmpeg version 4.4.1-static");
        assertThat(old.h264()).isEqualTo("libx264");
        assertThat(old.vp9()).isNull();
        assertThat(old.slashOptions()).isFalse();
    }
}
