package dev.atelier.platform.idempotency;

import java.security.MessageDigest;

/**
 * SHA-256 of a stream with every occurrence of one byte string (a multipart boundary) left out.
 * Two clients sending the same file choose different random boundaries; with the boundary out of
 * the digest, an honest retry still matches while any other difference in the body does not.
 * Streaming Knuth–Morris–Pratt: bytes that might begin the boundary are held back until they
 * either complete it (dropped) or cannot (digested).
 */
final class BoundaryBlindDigest {

    private final MessageDigest digest;
    private final byte[] pattern;
    private final int[] fallback;
    private int matched;

    BoundaryBlindDigest(byte[] pattern) {
        this.digest = IdempotencyFilter.sha256();
        this.pattern = pattern;
        this.fallback = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = fallback[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            fallback[i] = k;
        }
    }

    void update(byte[] bytes, int offset, int length) {
        if (pattern.length == 0) {
            digest.update(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            while (matched > 0 && pattern[matched] != b) {
                int keep = fallback[matched - 1];
                digest.update(pattern, 0, matched - keep); // these can no longer be part of a match
                matched = keep;
            }
            if (pattern[matched] == b) {
                matched++;
                if (matched == pattern.length) {
                    matched = 0; // a whole boundary: left out
                }
            } else {
                digest.update(b);
            }
        }
    }

    byte[] finish() {
        digest.update(pattern, 0, matched);
        matched = 0;
        return digest.digest();
    }
}
