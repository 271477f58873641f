package dev.atelier.generation;

import java.net.URI;
import java.nio.file.Path;

/** One produced file, wherever the provider left it; Atelier copies it into its own storage. */
public sealed interface ProviderOutput {

    /** A file on this machine the provider made; deleted once stored. */
    record LocalFile(Path path, String mediaType) implements ProviderOutput {
    }

    /** A URL to fetch (provider URLs expire, so it is fetched before the job counts as done). */
    record Remote(URI url, String mediaType) implements ProviderOutput {
    }
}
