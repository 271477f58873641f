package dev.atelier.media.ingest;

import dev.atelier.media.MediaRejected;
import java.util.Arrays;
import org.apache.tika.Tika;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides the format from the first bytes alone (Apache Tika's magic numbers): the declared type
 * and the file name are never asked. Anything not on the list is refused before the rest of the
 * body is read.
 */
@Component
public class Sniffer {

    /** Enough for every accepted format's signature. */
    public static final int HEAD = 64 * 1024;
    // made on first use (or just after start-up, see warmUp): loading Tika's configuration is one
    // of the slowest parts of a start, and nothing needs it before the first upload
    private volatile Tika tika;

    /** What an ISO media file's head says about itself. */
    public record Sniffed(Container container, String detectedType, boolean quickTime) {
    }

    public Sniffed sniff(byte[] head, int length) {
        if (length == 0) {
            throw MediaRejected.unsupported("The file is empty");
        }
        Container signed = signed(head, length);
        if (signed != null) {
            return new Sniffed(signed, signed == Container.PNG ? "image/png" : "image/jpeg", false);
        }
        byte[] bytes = length == head.length ? head : Arrays.copyOf(head, length);
        String detected = tika().detect(bytes);
        Container container = Container.ofDetected(detected).orElseThrow(() ->
                MediaRejected.unsupported("The content is " + detected + ", which is not an accepted format"));
        return new Sniffed(container, detected, container == Container.ISO_MEDIA && quickTimeBrand(bytes));
    }

    private Tika tika() {
        Tika ready = tika;
        if (ready == null) {
            synchronized (this) {
                if (tika == null) {
                    tika = new Tika();
                }
                ready = tika;
            }
        }
        return ready;
    }

    /** Loads Tika in the background once Atelier serves, so the first upload does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofPlatform().daemon().name("tika-warm-up").start(this::tika);
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /**
     * PNG and JPEG, what models make, by the very signatures Tika matches for them
     * ({@code tika-mimetypes.xml}: {@code image/png} is these 8 bytes at offset 0, {@code image/jpeg}
     * these 3), so the answer is Tika's; null for anything else. Why not ask Tika: its magic detector
     * tries the patterns of every type it knows on every head, about a seventh of a generation job's
     * CPU for a small PNG (issue 16). The pictures are still decoded whole before they are accepted.
     */
    private static Container signed(byte[] head, int length) {
        if (startsWith(head, length, PNG_SIGNATURE)) {
            return Container.PNG;
        }
        return startsWith(head, length, JPEG_SIGNATURE) ? Container.JPEG : null;
    }

    private static boolean startsWith(byte[] head, int length, byte[] signature) {
        return length >= signature.length
                && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    /** An ISO media file starts with an {@code ftyp} box; brand {@code qt} marks QuickTime. */
    private static boolean quickTimeBrand(byte[] bytes) {
        return bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p'
                && bytes[8] == 'q' && bytes[9] == 't';
    }
}
