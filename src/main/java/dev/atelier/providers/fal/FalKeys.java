package dev.atelier.providers.fal;

import dev.atelier.providers.http.ProviderHttp;
import dev.atelier.providers.http.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * fal's webhook public keys (a JWKS of Ed25519 keys), fetched and cached for a day; an unknown
 * signature refreshes them at most once a minute (fal may have rotated).
 */
final class FalKeys {

    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration REFRESH_AT_MOST = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderHttp http;
    private final URI url;
    private final Clock clock;
    private volatile List<byte[]> keys = List.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    FalKeys(ProviderHttp http, URI url, Clock clock) {
        this.http = http;
        this.url = url;
        this.clock = clock;
    }

    /** Whether any of fal's keys verifies {@code signature} over {@code message}. */
    boolean verify(byte[] message, byte[] signature) {
        Instant now = clock.instant();
        if (fetchedAt.plus(KEEP).isBefore(now)) {
            refresh(now);
        }
        if (verifies(message, signature)) {
            return true;
        }
        if (fetchedAt.plus(REFRESH_AT_MOST).isBefore(now)) {
            refresh(now);
            return verifies(message, signature);
        }
        return false;
    }

    boolean available() {
        if (keys.isEmpty()) {
            refresh(clock.instant());
        }
        return !keys.isEmpty();
    }

    private boolean verifies(byte[] message, byte[] signature) {
        for (byte[] key : keys) {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(key, 0));
            verifier.update(message, 0, message.length);
            if (verifier.verifySignature(signature)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void refresh(Instant now) {
        if (http.send("keys", http.request(url.toString()).GET(), true) instanceof Reply.Ok ok) {
            try {
                List<byte[]> found = new ArrayList<>();
                for (JsonNode key : JSON.readTree(ok.body()).path("keys")) {
                    if ("OKP".equals(key.path("kty").asString("")) && "Ed25519".equals(key.path("crv").asString(""))) {
                        byte[] x = Base64.getUrlDecoder().decode(key.path("x").asString(""));
                        if (x.length == 32) {
                            found.add(x);
                        }
                    }
                }
                if (!found.isEmpty()) {
                    keys = List.copyOf(found);
                }
            } catch (RuntimeException e) {
                // keep the keys we had
            }
        }
        fetchedAt = now;
    }
}
