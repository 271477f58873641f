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
 * @param loginFailuresPerAccountAndAddress failed logins for one account from one client address
 *     allowed per minute; four times as many per {@code loginFailureWindow}. Past that each try
 *     waits for a token to come back (growing delays, never a hard lock)
 * @param loginFailuresPerAccount failed logins for one account from anywhere per {@code loginFailureWindow}
 * @param loginFailuresPerAddress failed logins from one client address (any account) per {@code loginFailureWindow}
 * @param loginFailureWindow the window the failure allowances refill over
 * @param signupsPerAddress accounts one client address may create per {@code signupWindow}
 * @param signupWindow the window the sign-up allowance refills over
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
        @DefaultValue("5") int loginFailuresPerAccountAndAddress,
        @DefaultValue("50") int loginFailuresPerAccount,
        @DefaultValue("50") int loginFailuresPerAddress,
        @DefaultValue("15m") Duration loginFailureWindow,
        @DefaultValue("5") int signupsPerAddress,
        @DefaultValue("1h") Duration signupWindow) {

    public AccountsProperties {
        if (loginFailuresPerAccountAndAddress < 1 || loginFailuresPerAccount < 1 || loginFailuresPerAddress < 1
                || signupsPerAddress < 1) {
            throw new IllegalArgumentException("atelier.accounts: login and sign-up allowances must be at least 1");
        }
    }
}
