package dev.atelier.media.ingest;

import dev.atelier.media.AssetKind;
import dev.atelier.media.MediaRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Streams content into one spool file: sniffs the head from a small buffer, then copies the rest
 * while hashing (SHA-256) and counting, and stops the moment the count passes the size limit of
 * the kinds the head allows or the caller's byte budget (the storage quota) says no. Memory use
 * is the head's buffer, and one larger buffer for what follows it, whatever the size of the file.
 */
@Component
public class Spooler {

    // What follows the head is copied, and its room reserved (StorageQuota), in 256 KB pieces, in a
    // buffer made only when there is more than the head: a 256 KB buffer for every stored output was
    // a third of the bytes a generation job allocated (issue 16), and copying everything in the head's
    // 64 KB pieces made racing uploads near a quota grow in steps so small they could all starve
    // (QuotaTest: four uploads, none stored).
    private static final int COPY_BUFFER = 256 * 1024;
    private final Sniffer sniffer;

    public Spooler(Sniffer sniffer) {
        this.sniffer = sniffer;
    }

    /** Grants room for a growing file; refuses (throws) when there is none. */
    public interface Budget {
        void ensure(long bytes);
    }

    /** The most bytes content of some kind may have, and which kind that limit is for. */
    public record Limit(AssetKind kind, long bytes) {
        public static final Limit NONE = new Limit(null, Long.MAX_VALUE);

        MediaRejected exceeded() {
            return MediaRejected.tooLarge(kind, bytes);
        }
    }

    public record Spooled(Path file, long bytes, String sha256, Sniffer.Sniffed sniffed) {
    }

    public Spooled spool(InputStream in, Path target, Function<Container, Limit> limits, Budget budget)
            throws IOException {
        byte[] buffer = new byte[Sniffer.HEAD];
        int headLength = in.readNBytes(buffer, 0, Sniffer.HEAD);
        Sniffer.Sniffed sniffed = sniffer.sniff(buffer, headLength);
        Limit limit = limits.apply(sniffed.container());
        MessageDigest sha256 = sha256();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n = headLength;
            while (n > 0) {
                total += n;
                if (total > limit.bytes()) {
                    throw limit.exceeded();
                }
                budget.ensure(total);
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (n == buffer.length && buffer.length < COPY_BUFFER) { // a full head: there may be more
                    buffer = new byte[COPY_BUFFER];
                }
                n = in.readNBytes(buffer, 0, buffer.length);
            }
        }
        return new Spooled(target, total, HexFormat.of().formatHex(sha256.digest()), sniffed);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
