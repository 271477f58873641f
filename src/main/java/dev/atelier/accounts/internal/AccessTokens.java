package dev.atelier.accounts.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atelier.accounts.AccountsProperties;
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
 */
@Component
class AccessTokens {

    private final SigningKeys keys;
    private final AccountsProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, AccountsProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
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
            return new Verified(UUID.fromString(claims.getSubject()),
                    UUID.fromString((String) claims.getClaim(SESSION_CLAIM)));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw CredentialException.invalidToken();
        }
    }
}
