package dev.atelier.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.media.MediaRejected;
import dev.atelier.media.TestMedia;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

/** PNG and JPEG are told by their signatures without Tika: the answer must stay Tika's own. */
class SnifferTest {

    private final Sniffer sniffer = new Sniffer();
    private final Tika tika = new Tika();

    @Test
    void pngAndJpegAreWhatTikaSaysTheyAre() throws Exception {
        for (Path file : new Path[] {TestMedia.png(), TestMedia.jpeg(), TestMedia.gif(), TestMedia.webp(),
                TestMedia.mp4(), TestMedia.wav()}) {
            byte[] head = head(Files.readAllBytes(file));

            assertThat(sniffer.sniff(head, head.length).detectedType()).as(file.toString())
                    .isEqualTo(tika.detect(head));
        }
        assertThat(sniffer.sniff(head(Files.readAllBytes(TestMedia.png())), 8).container()).isEqualTo(Container.PNG);
    }

    @Test
    void textInsideAPngOrJpegHeadDoesNotChangeWhatItIs() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        png.write("<?xml version=\"1.0\"?><html><body><svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8));
        byte[] jpeg = Arrays.copyOf(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, 200);
        System.arraycopy("<html><head>".getBytes(StandardCharsets.UTF_8), 0, jpeg, 20, 12);

        for (byte[] head : new byte[][] {png.toByteArray(), jpeg}) {
            assertThat(sniffer.sniff(head, head.length).detectedType()).isEqualTo(tika.detect(head));
        }
    }

    @Test
    void aSignatureCutShortIsLeftToTika() {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G'};

        assertThatThrownBy(() -> sniffer.sniff(head, head.length)).isInstanceOf(MediaRejected.class);
    }

    private static byte[] head(byte[] content) {
        return Arrays.copyOf(content, Math.min(content.length, Sniffer.HEAD));
    }
}
