package dev.atelier.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.media.AssetKind;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolerTest {

    @TempDir
    Path temp;

    private final Spooler spooler = new Spooler(new Sniffer());

    @Test
    void spoolsTheBytesWithTheirHashAndTheSniffedFormat() throws Exception {
        byte[] png = Files.readAllBytes(TestMedia.png());

        Spooler.Spooled spooled = spooler.spool(new ByteArrayInputStream(png), temp.resolve("content"),
                container -> Spooler.Limit.NONE, bytes -> { });

        assertThat(spooled.bytes()).isEqualTo(png.length);
        assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(spooled.sniffed().container()).isEqualTo(Container.PNG);
        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(png);
    }

    @Test
    void anExecutableIsRefusedAfterItsHeadWithoutReadingTheRest() {
        byte[] elf = new byte[10 * 1024 * 1024];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        elf[16] = 2; // ET_EXEC
        Counting in = new Counting(new ByteArrayInputStream(elf));

        assertThatThrownBy(() -> spooler.spool(in, temp.resolve("content"), container -> Spooler.Limit.NONE, bytes -> { }))
                .isInstanceOfSatisfying(MediaRejected.class, e ->
                        assertThat(e.reason()).isEqualTo(MediaRejected.Reason.UNSUPPORTED_MEDIA));
        assertThat(in.count).isLessThanOrEqualTo(Sniffer.HEAD);
        assertThat(temp.resolve("content")).doesNotExist();
    }

    @Test
    void textIsRefusedWhateverItClaims() {
        byte[] text = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();

        assertThatThrownBy(() -> spooler.spool(new ByteArrayInputStream(text), temp.resolve("content"),
                container -> Spooler.Limit.NONE, bytes -> { }))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("not an accepted format");
    }

    @Test
    void stopsReadingAtTheLimitOfTheSniffedKind() throws IOException {
        byte[] png = Files.readAllBytes(TestMedia.png());
        byte[] big = java.util.Arrays.copyOf(png, 50 * 1024 * 1024); // a PNG head, then 50 MB
        Counting in = new Counting(new ByteArrayInputStream(big));

        assertThatThrownBy(() -> spooler.spool(in, temp.resolve("content"),
                container -> new Spooler.Limit(AssetKind.IMAGE, 1024 * 1024), bytes -> { }))
                .isInstanceOfSatisfying(MediaRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(MediaRejected.Reason.FILE_TOO_LARGE);
                    assertThat(e.properties()).containsEntry("limit", 1024L * 1024).containsEntry("kind", "image");
                    assertThat(e.getMessage()).isEqualTo("An image file may be at most 1 MB");
                });
        assertThat(in.count).isLessThan(2 * 1024 * 1024);
    }

    @Test
    void asksTheBudgetForRoomAsTheFileGrows() throws IOException {
        byte[] wav = Files.readAllBytes(TestMedia.wav());
        List<Long> asked = new ArrayList<>();

        spooler.spool(new ByteArrayInputStream(wav), temp.resolve("content"), container -> Spooler.Limit.NONE, asked::add);

        assertThat(asked).isSorted().last().isEqualTo((long) wav.length);
    }

    @Test
    void anEmptyFileIsUnsupported() {
        assertThatThrownBy(() -> spooler.spool(InputStream.nullInputStream(), temp.resolve("content"),
                container -> Spooler.Limit.NONE, bytes -> { }))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("empty");
    }

    static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
