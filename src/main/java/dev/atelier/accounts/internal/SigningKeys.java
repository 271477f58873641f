package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.platform.Hmac;
import dev.atelier.platform.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The keys access tokens are signed with. Configured as {@code id:secret,id:secret}: the first
 * signs, every one verifies, so a new key can be put first while tokens signed by the old one
 * still verify until they expire. With none configured, one is generated into the data directory.
 */
@Component
class SigningKeys {

    private static final int MIN_SECRET_BYTES = 32; // HS256 wants a key as long as its hash

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final String currentId;

    SigningKeys(AccountsProperties properties, Secrets secrets) {
        String configured = properties.jwtKeys();
        if (configured == null || configured.isBlank()) {
            String secret = secrets.getOrCreate("jwt-signing-key", null, 48);
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            keys.put("local-" + HexFormat.of().formatHex(Hmac.sha256(secret), 0, 4), bytes);
        } else {
            for (String entry : configured.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("atelier.accounts.jwt-keys entries must look like id:secret");
                }
                byte[] secret = entry.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8);
                if (secret.length < MIN_SECRET_BYTES) {
                    throw new IllegalStateException("each JWT secret needs at least " + MIN_SECRET_BYTES + " bytes");
                }
                keys.put(entry.substring(0, colon).strip(), secret);
            }
        }
        currentId = keys.keySet().iterator().next();
    }

    String currentId() {
        return currentId;
    }

    byte[] current() {
        return keys.get(currentId);
    }

    Optional<byte[]> byId(String id) {
        return Optional.ofNullable(id).map(keys::get);
    }
}
