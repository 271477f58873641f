package dev.atelier.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atelier.accounts.AccountsProperties;
import dev.atelier.platform.Secrets;
import dev.atelier.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    static final String OLD_SECRET = "old-secret-old-secret-old-secret-old-secret";
    static final String NEW_SECRET = "new-secret-new-secret-new-secret-new-secret";


    static final UUID SESSION = UUID.randomUUID();

    final MutableClock clock = new MutableClock();

    AccessTokens tokens(String keys, String audience) {
        AccountsProperties properties = new AccountsProperties(true, keys, "atelier", audience,
                Duration.ofMinutes(15), Duration.ofDays(30), "a@b.c", null, 5, 50, 50, Duration.ofMinutes(15), 5, Duration.ofHours(1));
        // one generated key, as the database would hand every node the same one
        Secrets secrets = (name, configured, bytes) -> "a generated key of at least forty-eight bytes of text";
        return new AccessTokens(new SigningKeys(properties, secrets), properties, clock);
    }

    AccessTokens tokens(String keys) {
        return tokens(keys, "atelier-api");
    }

    @Test
    void aFreshTokenVerifiesToItsUser() {
        UUID user = UUID.randomUUID();
        AccessTokens tokens = tokens(null);

        assertThat(tokens.verify(tokens.issue(user, SESSION).token()).userId()).isEqualTo(user);
    }

    @Test
    void aTokenNamesTheSessionItWasIssuedIn() {
        AccessTokens tokens = tokens(null);
        UUID session = UUID.randomUUID();

        assertThat(tokens.verify(tokens.issue(UUID.randomUUID(), session).token()).sessionId()).isEqualTo(session);
    }

    @Test
    void anExpiredTokenIsRefused() {
        AccessTokens tokens = tokens(null);
        String token = tokens.issue(UUID.randomUUID(), SESSION).token();

        clock.advance(Duration.ofMinutes(15));

        assertInvalid(tokens, token);
    }

    @Test
    void aTokenVerifiedBeforeStillExpiresOnTime() {
        AccessTokens tokens = tokens(null);
        UUID user = UUID.randomUUID();
        String token = tokens.issue(user, SESSION).token();
        assertThat(tokens.verify(token).userId()).isEqualTo(user);

        clock.advance(Duration.ofMinutes(14));
        assertThat(tokens.verify(token).userId()).isEqualTo(user);
        clock.advance(Duration.ofMinutes(1));

        assertInvalid(tokens, token);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsRefused() {
        AccessTokens tokens = tokens(null);
        String token = tokens.issue(UUID.randomUUID(), SESSION).token();
        tokens.verify(token);

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertInvalid(tokens, tampered);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = tokens("k1:" + NEW_SECRET, "someone-else").issue(UUID.randomUUID(), SESSION).token();

        assertInvalid(tokens("k1:" + NEW_SECRET), token);
    }

    @Test
    void tokensSignedByThePreviousKeyStillVerifyAfterRotation() throws Exception {
        UUID user = UUID.randomUUID();
        String before = tokens("old:" + OLD_SECRET).issue(user, SESSION).token();

        AccessTokens rotated = tokens("new:" + NEW_SECRET + ",old:" + OLD_SECRET);

        assertThat(rotated.verify(before).userId()).isEqualTo(user);
        assertThat(SignedJWTs.kid(rotated.issue(user, SESSION).token())).isEqualTo("new");
        assertInvalid(tokens("new:" + NEW_SECRET), before); // once the old key is dropped
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsRefused() throws Exception {
        String forged = SignedJWTs.sign(JWSAlgorithm.HS256, "k1", "another-secret-another-secret-another-secret", validClaims());

        assertInvalid(tokens("k1:" + NEW_SECRET), forged);
    }

    @Test
    void aSwitchedAlgorithmIsRefusedEvenWithTheRightKey() throws Exception {
        String hs512 = SignedJWTs.sign(JWSAlgorithm.HS512, "k1", NEW_SECRET + NEW_SECRET, validClaims());

        assertInvalid(tokens("k1:" + NEW_SECRET + NEW_SECRET), hs512);
    }

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"kid\":\"k1\"}");
        String payload = b64("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"atelier\",\"aud\":\"atelier-api\",\"exp\":"
                + (clock.instant().getEpochSecond() + 600) + "}");

        assertInvalid(tokens("k1:" + NEW_SECRET), header + "." + payload + ".");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        AccessTokens tokens = tokens(null);
        String[] parts = tokens.issue(UUID.randomUUID(), SESSION).token().split("\\.");
        String tampered = parts[0] + "." + b64("{\"sub\":\"" + UUID.randomUUID() + "\"}") + "." + parts[2];

        assertInvalid(tokens, tampered);
        assertInvalid(tokens, "garbage");
    }

    @Test
    void theGeneratedKeyIsKeptAcrossRestarts() {
        UUID user = UUID.randomUUID();
        String token = tokens(null).issue(user, SESSION).token();

        assertThat(tokens(null).verify(token).userId()).isEqualTo(user);
    }

    private JWTClaimsSet validClaims() {
        return new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer("atelier")
                .audience("atelier-api").expirationTime(Date.from(clock.instant().plusSeconds(600))).build();
    }

    private static void assertInvalid(AccessTokens tokens, String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.code()).isEqualTo("invalid_token"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static final class SignedJWTs {
        static String sign(JWSAlgorithm algorithm, String kid, String secret, JWTClaimsSet claims) throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }

        static String kid(String token) throws Exception {
            return SignedJWT.parse(token).getHeader().getKeyID();
        }
    }
}
