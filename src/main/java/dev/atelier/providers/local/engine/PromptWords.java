package dev.atelier.providers.local.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A prompt read the way the engines read it: its lower-case words, in order, and a random source
 * seeded by the prompt and the caller's seed together, so the same pair always gives the same work
 * and a different prompt with the same seed still gives a different one.
 */
record PromptWords(List<String> words, long mixedSeed) {

    static PromptWords of(String prompt, long seed) {
        String normal = prompt.strip().toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(normal.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .toList();
        return new PromptWords(words, mix(normal, seed));
    }

    /** A fresh random source for one purpose; the salt keeps purposes from sharing a sequence. */
    SplittableRandom random(String purpose) {
        return new SplittableRandom(mixedSeed ^ purpose.hashCode() * 0x9E3779B97F4A7C15L);
    }

    boolean mentionsAny(Set<String> vocabulary) {
        return words.stream().anyMatch(vocabulary::contains);
    }

    private static long mix(String prompt, long seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prompt.getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
