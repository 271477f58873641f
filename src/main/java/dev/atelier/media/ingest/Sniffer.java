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

    /** An ISO media file starts with an {@code ftyp} box; brand {@code qt} marks QuickTime. */
    private static boolean quickTimeBrand(byte[] bytes) {
        return bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p'
                && bytes[8] == 'q' && bytes[9] == 't';
    }
}
