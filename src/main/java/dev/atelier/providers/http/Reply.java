package dev.atelier.providers.http;

import dev.atelier.generation.ProviderFailure;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What one call to a provider gave: an answer, or a failure already turned into Atelier's terms. */
public sealed interface Reply {

    record Ok(int status, HttpHeaders headers, byte[] body) implements Reply {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A body streamed into a scratch file (the caller owns it). */
    record File(Path path, String mediaType) implements Reply {
    }

    record Failed(ProviderFailure failure) implements Reply {
    }
}
