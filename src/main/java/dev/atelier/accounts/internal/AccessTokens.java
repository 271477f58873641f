package dev.atelier.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atelier.accounts.AccountsProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Short-lived JWT access tokens (HS256, pinned). A token verifies only when its header names
 * exactly HS256 and a known {@code kid}, its signature matches that key, and its issuer,
 * audience and expiry hold by the injected clock. Anything else — {@code alg: none}, another
 * algorithm, an unknown key, a wrong audience, an expired token — is the same 401.
 *
 * <p>Each token names the session (sign-in) it was issued in, as the claim {@code sid}: the
 * refresh-token chain's id. The bearer filter refuses a token whose session was revoked.
 *
 * <p>A verified token is remembered (keyed by its SHA-256, never the token itself) until it
 * expires, so a client's next requests skip parsing and the signature check; expiry and the
 * signing key's presence are still checked on every use. Only what the token itself says is
 * remembered: its session is checked on every request by the bearer filter, so a revoked
 * session's tokens are refused at once.
 */
@Component
class AccessTokens {

    private final SigningKeys keys;
    private final AccountsProperties properties;
    private final Clock clock;
    private final Cache<ByteBuffer, Remembered> verified = Caffeine.newBuilder().maximumSize(10_000).build();

    AccessTokens(SigningKeys keys, AccountsProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token verified earlier: what it says, until when, and the key that signed it. */
    private record Remembered(Verified verified, Instant expires, String keyId) {
    }

    record Issued(String token, long expiresInSeconds) {
    }

    static final String SESSION_CLAIM = "sid";

    /** Who a verified token speaks for, and in which session. */
    record Verified(UUID userId, UUID sessionId) {
    }

    Issued issue(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.currentId()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new MACSigner(keys.current()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Issued(jwt.serialize(), properties.accessTokenTtl().toSeconds());
    }

    /** The user and session the token was issued to, or a 401 {@code invalid_token}. */
    Verified verify(String token) {
        ByteBuffer key = digest(token);
        Remembered known = verified.getIfPresent(key);
        if (known != null) {
            if (clock.instant().isBefore(known.expires()) && keys.byId(known.keyId()).isPresent()) {
                return known.verified();
            }
            verified.invalidate(key);
            throw CredentialException.invalidToken();
        }
        Remembered checked = check(token);
        verified.put(key, checked);
        return checked.verified();
    }

    private Remembered check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw CredentialException.invalidToken();
            }
            byte[] key = keys.byId(jwt.getHeader().getKeyID()).orElseThrow(CredentialException::invalidToken);
            if (!jwt.verify(new MACVerifier(key))) {
                throw CredentialException.invalidToken();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            boolean valid = properties.issuer().equals(claims.getIssuer())
                    && claims.getAudience() != null && claims.getAudience().contains(properties.audience())
                    && claims.getExpirationTime() != null && now.isBefore(claims.getExpirationTime().toInstant())
                    && claims.getSubject() != null
                    && claims.getClaim(SESSION_CLAIM) instanceof String;
            if (!valid) {
                throw CredentialException.invalidToken();
            }
            return new Remembered(new Verified(UUID.fromString(claims.getSubject()),
                    UUID.fromString((String) claims.getClaim(SESSION_CLAIM))),
                    claims.getExpirationTime().toInstant(), jwt.getHeader().getKeyID());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw CredentialException.invalidToken();
        }
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
