package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountCreated;
import dev.atelier.accounts.AccountsProperties;
import dev.atelier.accounts.Role;
import dev.atelier.platform.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Signing up, signing in and refreshing: the use cases that hand out token pairs. */
@Component
class Accounts {

    private final Users users;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final AccountsProperties properties;
    private final Clock clock;
    private final PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    // checked against when the email is unknown, so both failures cost the same time; made on the
    // first such sign-in, not at start (an Argon2 hash is slow on purpose: ~0.1 s of every start)
    private volatile String decoyHash;

    Accounts(Users users, AccessTokens accessTokens, RefreshTokens refreshTokens, LoginThrottle throttle,
            ApplicationEventPublisher events, AccountsProperties properties, Clock clock) {
        this.users = users;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = passwords.encode("decoy-password-for-unknown-emails");
            decoyHash = decoy;
        }
        return decoy;
    }

    record Session(UserRow user, AccessTokens.Issued access, String refreshToken) {
    }

    @Transactional
    Session signUp(String email, String password, String name, String address) {
        if (!properties.signupEnabled()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "signup_disabled", "Sign-up is switched off on this server");
        }
        throttle.signUp(address);
        UserRow user = create(email, password, name, Role.USER);
        return session(user);
    }

    /** Creates a user and publishes {@link AccountCreated}; a taken email is 409 {@code email_taken}. */
    @Transactional
    UserRow create(String email, String password, String name, Role role) {
        UserRow user = new UserRow(UUID.randomUUID(), Users.normalize(email), name.strip(), passwords.encode(password),
                role, false, clock.instant());
        if (!users.insert(user)) {
            throw ApiException.conflict("email_taken", "An account with this email already exists");
        }
        events.publishEvent(new AccountCreated(user.id(), user.email(), user.createdAt()));
        return user;
    }

    /**
     * The attempt is counted (a throttle token taken) before the password is checked, so parallel
     * guesses cannot outrun the count; a success gives the token back.
     */
    Session logIn(String email, String password, String address) {
        LoginThrottle.Attempt attempt = throttle.attempt(email, address);
        UserRow user = users.byEmail(email).orElse(null);
        boolean matches = passwords.matches(password, user == null ? decoyHash() : user.passwordHash());
        if (user == null || !matches) {
            throw new CredentialException("invalid_credentials", "The email or password is wrong");
        }
        attempt.succeeded();
        if (user.disabled()) {
            throw CredentialException.disabled();
        }
        return session(user);
    }

    Session refresh(String refreshToken) {
        return refresh(refreshToken, Duration.ZERO);
    }

    /**
     * Refreshes; a token rotated less than {@code grace} ago answers a new access token for its
     * session and no refresh token (see {@link RefreshTokens#rotate(String, Duration)}).
     */
    Session refresh(String refreshToken, Duration grace) {
        RefreshTokens.Rotated rotated = refreshTokens.rotate(refreshToken, grace);
        UserRow user = users.byId(rotated.userId()).orElseThrow(CredentialException::invalidToken);
        if (user.disabled()) {
            refreshTokens.revokeChain(rotated.sessionId());
            throw CredentialException.disabled();
        }
        return new Session(user, accessTokens.issue(user.id(), rotated.sessionId()), rotated.token());
    }

    void logOut(String refreshToken) {
        refreshTokens.revokeChainOf(refreshToken);
    }

    /**
     * Checks the current password (throttled like a login), stores the new one, ends every
     * session of the account (their access tokens stop working at once) and starts a new one.
     */
    Session changePassword(UUID userId, String currentPassword, String newPassword, String address) {
        UserRow user = users.byId(userId).orElseThrow(CredentialException::invalidToken);
        LoginThrottle.Attempt attempt = throttle.attempt(user.email(), address);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new CredentialException("invalid_credentials", "The current password is wrong");
        }
        attempt.succeeded();
        users.changePassword(userId, passwords.encode(newPassword));
        refreshTokens.revokeAllOf(userId);
        return session(user);
    }

    private Session session(UserRow user) {
        RefreshTokens.Rotated chain = refreshTokens.startChain(user.id());
        return new Session(user, accessTokens.issue(user.id(), chain.sessionId()), chain.token());
    }
}
