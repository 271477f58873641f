package dev.atelier.platform;

/** Keys Atelier signs with: the configured one when given, else one generated once (see {@link SharedSecrets}). */
public interface Secrets {

    /** The configured value when given, else the stored (or newly generated) one of {@code bytes} random bytes. */
    String getOrCreate(String name, String configured, int bytes);
}
