package dev.atelier.platform.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedCaptureTest {

    @Test
    void stderrKeepsOnlyTheLastBytesWhereTheReasonIs() {
        String chatter = "x".repeat(10_000) + "the real error";
        BoundedCapture tail = BoundedCapture.tail(100);

        tail.drain(new ByteArrayInputStream(chatter.getBytes(StandardCharsets.UTF_8)));

        assertThat(tail.text()).hasSize(100).endsWith("the real error");
        assertThat(tail.overflowed()).isTrue();
    }

    @Test
    void stdoutKeepsTheFirstBytesAndNotesTheOverflow() {
        BoundedCapture head = BoundedCapture.head(5);

        head.drain(new ByteArrayInputStream("{\"a\":1} and more".getBytes(StandardCharsets.UTF_8)));

        assertThat(head.text()).isEqualTo("{\"a\":");
        assertThat(head.overflowed()).isTrue();
    }

    @Test
    void smallOutputIsKeptWhole() {
        BoundedCapture head = BoundedCapture.head(1024);

        head.drain(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(head.text()).isEqualTo("{}");
        assertThat(head.overflowed()).isFalse();
    }
}
