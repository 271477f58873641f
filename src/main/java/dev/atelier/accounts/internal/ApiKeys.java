package dev.atelier.accounts.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Role;
import dev.atelier.accounts.Scope;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: shown once, stored as a hash, found by it. Rotation makes a new key and lets the old
 * one live on for a grace period; revocation is immediate.
 */
@Component
class ApiKeys {

    static final String PREFIX = "atl_";
    private static final int MAX_KEYS_PER_USER = 50;
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS =
            "id, user_id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at, replaced_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Created(ApiKeyRow key, String secret) {
    }

    @Transactional
    Created create(UUID userId, String name, Set<Scope> scopes, Instant expiresAt) {
        // serializes key creation per user so the cap cannot be raced past
        jdbc.sql("select id from users where id = :id for update").param("id", userId).query().singleRow();
        int active = jdbc.sql("select count(*) from api_keys where user_id = :u and revoked_at is null")
                .param("u", userId).query(Integer.class).single();
        if (active >= MAX_KEYS_PER_USER) {
            throw ApiException.conflict("too_many_api_keys", "At most " + MAX_KEYS_PER_USER + " API keys per account");
        }
        return insert(userId, name, scopes, expiresAt);
    }

    List<ApiKeyRow> page(UUID userId, PageRequest page) {
        String keyset = page.first() ? "" : " and (created_at, id) < (:at, :id)";
        var query = jdbc.sql("select " + COLUMNS + " from api_keys where user_id = :u" + keyset
                        + " order by created_at desc, id desc limit :limit")
                .param("u", userId).param("limit", page.fetchSize());
        if (!page.first()) {
            query = query.param("at", Timestamp.from(page.instant(0))).param("id", page.uuid(1));
        }
        return query.query(ApiKeys::map).list();
    }

    void revoke(UUID userId, UUID keyId) {
        int changed = jdbc.sql("""
                update api_keys set revoked_at = coalesce(revoked_at, :now) where id = :id and user_id = :u""")
                .param("now", Timestamp.from(clock.instant())).param("id", keyId).param("u", userId).update();
        if (changed == 0) {
            throw ApiException.notFound("API key");
        }
    }

    /** A new key with the same name, scopes and expiry; the old one works until the grace ends. */
    @Transactional
    Created rotate(UUID userId, UUID keyId, Duration grace) {
        Instant now = clock.instant();
        ApiKeyRow old = jdbc.sql("select " + COLUMNS + " from api_keys where id = :id and user_id = :u for update")
                .param("id", keyId).param("u", userId).query(ApiKeys::map).optional()
                .orElseThrow(() -> ApiException.notFound("API key"));
        if (old.revokedAt() != null || (old.expiresAt() != null && !now.isBefore(old.expiresAt()))) {
            throw ApiException.conflict("api_key_inactive", "A revoked or expired key cannot be rotated");
        }
        if (old.replacedBy() != null) {
            throw ApiException.conflict("api_key_already_rotated", "This key was already rotated; rotate its successor");
        }
        Created next = insert(userId, old.name(), old.scopes(), old.expiresAt());
        Instant graceEnd = now.plus(grace);
        Instant oldEnd = old.expiresAt() != null && old.expiresAt().isBefore(graceEnd) ? old.expiresAt() : graceEnd;
        jdbc.sql("update api_keys set expires_at = :end, replaced_by = :next where id = :id")
                .param("end", Timestamp.from(oldEnd)).param("next", next.key().id()).param("id", keyId).update();
        return next;
    }

    /** The caller a key stands for, or a 401 saying why not. */
    CurrentUser authenticate(String secret) {
        record Found(UUID id, UUID userId, Set<Scope> scopes, Instant expiresAt, Instant revokedAt,
                Instant lastUsedAt, Role role, boolean disabled) {
        }
        Found key = jdbc.sql("""
                select k.id, k.user_id, k.scopes, k.expires_at, k.revoked_at, k.last_used_at, u.role, u.disabled
                from api_keys k join users u on u.id = k.user_id where k.key_hash = :hash""")
                .param("hash", Secrets.hash(secret))
                .query((rs, i) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        scopes(rs.getArray(3)), instant(rs, 4), instant(rs, 5), instant(rs, 6),
                        Role.of(rs.getString(7)), rs.getBoolean(8)))
                .optional()
                .orElseThrow(() -> new CredentialException("invalid_api_key", "The API key is not valid"));
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            throw new CredentialException("api_key_revoked", "The API key was revoked");
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            throw new CredentialException("api_key_expired", "The API key has expired");
        }
        if (key.disabled()) {
            throw CredentialException.disabled();
        }
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            // a write per minute per key, not per request
            jdbc.sql("update api_keys set last_used_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", key.id()).update();
        }
        return new CurrentUser(key.userId(), key.role(), key.scopes(), key.id());
    }

    private Created insert(UUID userId, String name, Set<Scope> scopes, Instant expiresAt) {
        String secret = Secrets.generate(PREFIX);
        ApiKeyRow row = new ApiKeyRow(UUID.randomUUID(), userId, name, secret.substring(0, PREFIX.length() + 8),
                EnumSet.copyOf(scopes), clock.instant(), expiresAt, null, null, null);
        jdbc.sql("""
                insert into api_keys (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at)
                values (:id, :u, :name, :prefix, :hash, :scopes, :at, :expires)""")
                .param("id", row.id()).param("u", userId).param("name", name).param("prefix", row.prefix())
                .param("hash", Secrets.hash(secret))
                .param("scopes", scopes.stream().map(Scope::value).sorted().toArray(String[]::new))
                .param("at", Timestamp.from(row.createdAt()))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return new Created(row, secret);
    }

    private static ApiKeyRow map(ResultSet rs, int row) throws SQLException {
        return new ApiKeyRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("name"), rs.getString("prefix"), scopes(rs.getArray("scopes")),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"), rs.getObject("replaced_by", UUID.class));
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(value -> Scope.of(value).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
