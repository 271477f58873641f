package dev.atelier.accounts.internal;

import dev.atelier.platform.Hmac;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets (refresh tokens, API keys) and the hashes they are stored and found by. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code prefix} + 32 random bytes, URL-safe. */
    static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A fast hash is right here: the secret has 256 random bits, so it cannot be guessed from
     * its hash, and a unique index on the hash makes checking one a keyed lookup.
     */
    static byte[] hash(String secret) {
        return Hmac.sha256(secret);
    }
}
