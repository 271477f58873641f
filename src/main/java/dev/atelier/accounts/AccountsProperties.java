package dev.atelier.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the accounts module.
 *
 * @param signupEnabled whether anyone may create an account
 * @param jwtKeys signing keys as {@code id:secret,id:secret}: the first signs, all verify (rotation);
 *     blank on a single machine means one key generated into the data directory
 * @param issuer and audience are written into and demanded of every access token
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token chain link
 * @param adminEmail the first admin's email, created on first start when no admin exists
 * @param adminPassword the first admin's password; blank means a random one printed once to the log
 * @param loginFailuresPerEmail failed logins per email allowed in {@code loginFailureWindow}
 * @param loginFailuresPerAddress failed logins per client address allowed in {@code loginFailureWindow}
 */
@ConfigurationProperties("atelier.accounts")
public record AccountsProperties(
        @DefaultValue("true") boolean signupEnabled,
        String jwtKeys,
        @DefaultValue("atelier") String issuer,
        @DefaultValue("atelier-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("admin@atelier.local") String adminEmail,
        String adminPassword,
        @DefaultValue("10") int loginFailuresPerEmail,
        @DefaultValue("50") int loginFailuresPerAddress,
        @DefaultValue("15m") Duration loginFailureWindow) {
}
