package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import java.sql.Timestamp;
import java.time.Clock;
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

    record Rotated(UUID userId, String token) {
    }

    String startChain(UUID userId) {
        return link(userId, UUID.randomUUID());
    }

    /** Uses {@code token} once and answers its successor; a reused token revokes its chain. */
    Rotated rotate(String token) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<UsedLink> used = jdbc.sql("""
                update refresh_tokens set used_at = :now
                where token_hash = :hash and used_at is null and revoked_at is null and expires_at > :now
                returning user_id, chain_id""")
                .param("now", now).param("hash", Secrets.hash(token))
                .query((rs, i) -> new UsedLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
        if (used.isPresent()) {
            return new Rotated(used.get().userId(), link(used.get().userId(), used.get().chainId()));
        }
        throw whyNot(token);
    }

    /** Revokes the chain {@code token} belongs to; unknown tokens are ignored (logout is idempotent). */
    void revokeChainOf(String token) {
        jdbc.sql("""
                update refresh_tokens set revoked_at = :now
                where revoked_at is null and chain_id = (select chain_id from refresh_tokens where token_hash = :hash)""")
                .param("now", Timestamp.from(clock.instant())).param("hash", Secrets.hash(token)).update();
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
            jdbc.sql("update refresh_tokens set revoked_at = :now where chain_id = :chain and revoked_at is null")
                    .param("now", Timestamp.from(clock.instant())).param("chain", link.get().chainId()).update();
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
