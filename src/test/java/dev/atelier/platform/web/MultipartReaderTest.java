package dev.atelier.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    @Test
    void readsEveryPartBackWhateverTheContentAndHowTheBytesArrive() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] file = content(random, random.nextInt(round < 100 ? 2_000 : 700_000));
            byte[] body = body(new String[] {"note", "file"}, new String[] {null, "a.bin"},
                    new byte[][] {"hello".getBytes(StandardCharsets.UTF_8), file});

            Trickle trickle = new Trickle(body, random);
            MultipartReader reader = new MultipartReader(trickle, BOUNDARY);
            MultipartReader.Part note;
            try {
                note = reader.next();
            } catch (IOException e) {
                throw new AssertionError("round " + round + " chunks " + trickle.chunks + " body " + body.length, e);
            }
            MultipartReader.Part part = reader.next();

            assertThat(note.name()).isEqualTo("note");
            assertThat(note.fileName()).isNull();
            assertThat(part.name()).isEqualTo("file");
            assertThat(part.fileName()).isEqualTo("a.bin");
            assertThat(part.body().readAllBytes()).as("round %d", round).isEqualTo(file);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void skipsWhatIsLeftOfAPartAndThePreamble() throws IOException {
        byte[] body = body(new String[] {"a", "file"}, new String[] {"x.png", "y.png"},
                new byte[][] {new byte[300_000], "second".getBytes(StandardCharsets.UTF_8)});
        byte[] withPreamble = concat("ignored preamble\r\n".getBytes(StandardCharsets.UTF_8), body);

        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(withPreamble), BOUNDARY);
        reader.next().body().read(new byte[10]);

        assertThat(new String(reader.next().body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
    }

    @Test
    void decodesUtf8AndRfc5987FileNames() throws IOException {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Été.png\"\r\n\r\nx\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%C3%A0%20b.png\r\n\r\ny\r\n"
                + "--" + BOUNDARY + "--\r\n";
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY);

        assertThat(reader.next().fileName()).isEqualTo("Été.png");
        assertThat(reader.next().fileName()).isEqualTo("à b.png");
    }

    @Test
    void aBodyCutOffInsideAPartIsAnEndOfFile() {
        byte[] body = body(new String[] {"file"}, new String[] {"a.bin"}, new byte[][] {new byte[100_000]});
        byte[] cut = Arrays.copyOf(body, 50_000);

        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY).next().body().readAllBytes())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void partsWithoutAFormDataNameAreMalformed() {
        String body = "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n";

        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                BOUNDARY).next()).isInstanceOf(MultipartReader.MalformedException.class);
    }

    @Test
    void endlessHeadersAreMalformed() {
        byte[] body = concat(("--" + BOUNDARY + "\r\nX-Long: ").getBytes(StandardCharsets.UTF_8), new byte[100_000]);

        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(body), BOUNDARY).next())
                .isInstanceOf(MultipartReader.MalformedException.class).hasMessageContaining("longer than");
    }

    /** Random bytes salted with near-boundaries: CRLFs, dashes, boundary prefixes. */
    private static byte[] content(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        byte[] almost = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + almost.length < size; i += 1 + random.nextInt(5_000)) {
            int length = 1 + random.nextInt(almost.length);
            System.arraycopy(almost, 0, bytes, i, length);
            bytes[i + length] = 'X'; // never the boundary's last character: the content must not contain it
        }
        return bytes;
    }

    private static byte[] body(String[] names, String[] fileNames, byte[][] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            String disposition = "form-data; name=\"" + names[i] + "\""
                    + (fileNames[i] == null ? "" : "; filename=\"" + fileNames[i] + "\"");
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(contents[i]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Hands out the bytes a few at a time, as a network does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int position;
        final java.util.List<Integer> chunks = new java.util.ArrayList<>();

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, bytes.length - position), 1 + random.nextInt(random.nextBoolean() ? 100 : 70_000));
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            chunks.add(n);
            return n;
        }
    }
}
