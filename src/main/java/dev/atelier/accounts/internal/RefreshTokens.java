package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens: random, stored only as hashes, replaced on every use. Each sign-in starts a
 * chain; using a token marks it used (a compare-and-set) and adds the next link. Presenting a
 * token that was already used means someone else has a copy: the whole chain is revoked.
 */
@Component
class RefreshTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountsProperties properties;

    RefreshTokens(JdbcClient jdbc, Clock clock, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** The next link of a chain, and the session (chain) it belongs to. */
    record Rotated(UUID userId, UUID sessionId, String token) {
    }

    /** Starts a session: a new chain and its first link. */
    Rotated startChain(UUID userId) {
        UUID sessionId = UUID.randomUUID();
        jdbc.sql("insert into sessions (id, user_id, created_at) values (:id, :user, :now)")
                .param("id", sessionId).param("user", userId).param("now", Timestamp.from(clock.instant())).update();
        return new Rotated(userId, sessionId, link(userId, sessionId));
    }

    /** Uses {@code token} once and answers its successor; a reused token revokes its chain. */
    Rotated rotate(String token) {
        return rotate(token, Duration.ZERO);
    }

    /**
     * Like {@link #rotate(String)}, for the browser's cookie: a token whose successor was handed out
     * less than {@code grace} ago answers its session again with no new link ({@code token} null)
     * instead of revoking the chain. Tabs that load at once all send the same cookie; the first
     * rotates it and the browser keeps the successor; the others must not look like a thief. After
     * the grace a reuse revokes the chain as always.
     */
    Rotated rotate(String token, Duration grace) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Rotated> used = use(token, now);
        if (used.isPresent()) {
            return used.get();
        }
        if (grace.isPositive()) {
            Optional<Rotated> recent = jdbc.sql("""
                    select user_id, chain_id from refresh_tokens
                    where token_hash = :hash and used_at > :since and revoked_at is null and expires_at > :now""")
                    .param("hash", Secrets.hash(token)).param("since", Timestamp.from(now.toInstant().minus(grace)))
                    .param("now", now)
                    .query((rs, i) -> new Rotated(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null))
                    .optional();
            if (recent.isPresent()) {
                return recent.get();
            }
        }
        throw whyNot(token);
    }

    private Optional<Rotated> use(String token, Timestamp now) {
        Optional<UsedLink> used = jdbc.sql("""
                update refresh_tokens set used_at = :now
                where token_hash = :hash and used_at is null and revoked_at is null and expires_at > :now
                returning user_id, chain_id""")
                .param("now", now).param("hash", Secrets.hash(token))
                .query((rs, i) -> new UsedLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
        return used.map(link -> new Rotated(link.userId(), link.chainId(), link(link.userId(), link.chainId())));
    }

    /** Revokes the chain {@code token} belongs to; unknown tokens are ignored (logout is idempotent). */
    void revokeChainOf(String token) {
        jdbc.sql("select chain_id from refresh_tokens where token_hash = :hash")
                .param("hash", Secrets.hash(token)).query(UUID.class).optional()
                .ifPresent(this::revokeChain);
    }

    /** Ends the session: its refresh tokens stop working and so do its access tokens. */
    void revokeChain(UUID chainId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update refresh_tokens set revoked_at = :now where chain_id = :chain and revoked_at is null")
                .param("now", now).param("chain", chainId).update();
        jdbc.sql("update sessions set revoked_at = :now where id = :chain and revoked_at is null")
                .param("now", now).param("chain", chainId).update();
    }

    /** Ends every session of the user (a password change). */
    void revokeAllOf(UUID userId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update refresh_tokens set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("now", now).param("user", userId).update();
        jdbc.sql("update sessions set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("now", now).param("user", userId).update();
    }

    private CredentialException whyNot(String token) {
        Optional<Link> link = jdbc.sql("select chain_id, used_at, revoked_at, expires_at from refresh_tokens where token_hash = :hash")
                .param("hash", Secrets.hash(token))
                .query((rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getTimestamp(2) != null,
                        rs.getTimestamp(3) != null))
                .optional();
        if (link.isEmpty()) {
            return new CredentialException("invalid_refresh_token", "The refresh token is not valid");
        }
        if (link.get().used()) {
            revokeChain(link.get().chainId());
            return new CredentialException("refresh_token_reused",
                    "This refresh token was already used; every session of its sign-in is now revoked");
        }
        if (link.get().revoked()) {
            return new CredentialException("invalid_refresh_token", "The refresh token was revoked");
        }
        return new CredentialException("refresh_token_expired", "The refresh token has expired; sign in again");
    }

    private String link(UUID userId, UUID chainId) {
        String token = Secrets.generate("rt_");
        Instant now = clock.instant();
        jdbc.sql("""
                insert into refresh_tokens (id, user_id, chain_id, token_hash, created_at, expires_at)
                values (:id, :user, :chain, :hash, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("user", userId).param("chain", chainId)
                .param("hash", Secrets.hash(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.refreshTokenTtl())))
                .update();
        return token;
    }

    private record UsedLink(UUID userId, UUID chainId) {
    }

    private record Link(UUID chainId, boolean used, boolean revoked) {
    }
}
