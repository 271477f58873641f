package dev.atelier.accounts.internal;

import dev.atelier.accounts.Role;
import dev.atelier.platform.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Emails are stored trimmed and lower-cased, so lookups compare case-insensitively. */
@Repository
class Users implements dev.atelier.accounts.AccountStatus {

    private static final String COLUMNS = "id, email, name, password_hash, role, disabled, created_at";
    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Inserts the user unless the email is taken; answers whether it was inserted. */
    boolean insert(UserRow user) {
        return jdbc.sql("""
                insert into users (id, email, name, password_hash, role, disabled, created_at)
                values (:id, :email, :name, :hash, :role, false, :at) on conflict (email) do nothing""")
                .param("id", user.id()).param("email", user.email()).param("name", user.name())
                .param("hash", user.passwordHash()).param("role", user.role().value())
                .param("at", java.sql.Timestamp.from(user.createdAt()))
                .update() == 1;
    }

    Optional<UserRow> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", normalize(email)).query(Users::map).optional();
    }

    Optional<UserRow> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(Users::map).optional();
    }

    @Override
    public boolean active(UUID userId) {
        return jdbc.sql("select exists (select 1 from users where id = :id and not disabled)").param("id", userId)
                .query(Boolean.class).single();
    }

    @Override
    public java.util.Set<UUID> inactiveAmong(java.util.Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<UUID> active = new java.util.HashSet<>(jdbc.sql(
                        "select id from users where id = any(:ids) and not disabled")
                .param("ids", userIds.toArray(UUID[]::new)).query(UUID.class).list());
        java.util.Set<UUID> inactive = new java.util.HashSet<>(userIds);
        inactive.removeAll(active);
        return inactive;
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from users where role = 'admin')").query(Boolean.class).single();
    }

    /** Newest first; {@code emailContains} filters case-insensitively when given. */
    List<UserRow> page(String emailContains, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from users where true");
        var params = new java.util.HashMap<String, Object>();
        if (emailContains != null && !emailContains.isBlank()) {
            sql.append(" and strpos(email, :q) > 0");
            params.put("q", normalize(emailContains));
        }
        if (!page.first()) {
            sql.append(" and (created_at, id) < (:at, :id)");
            params.put("at", java.sql.Timestamp.from(page.instant(0)));
            params.put("id", page.uuid(1));
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", page.fetchSize());
        return jdbc.sql(sql.toString()).params(params).query(Users::map).list();
    }

    void changePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = :hash where id = :id").param("hash", passwordHash).param("id", id)
                .update();
    }

    /**
     * The user, with whether session {@code sessionId} of theirs is live: one keyed read per
     * request, so a disabled account or a revoked session is refused at once on every node.
     */
    Optional<SignedIn> signedIn(UUID id, UUID sessionId) {
        return jdbc.sql("select " + COLUMNS + ", exists (select 1 from sessions s where s.id = :sid and s.user_id = users.id"
                        + " and s.revoked_at is null) as live from users where id = :id")
                .param("id", id).param("sid", sessionId)
                .query((rs, row) -> new SignedIn(map(rs, row), rs.getBoolean("live"))).optional();
    }

    record SignedIn(UserRow user, boolean sessionLive) {
    }

    void update(UUID id, Role role, boolean disabled) {
        jdbc.sql("update users set role = :role, disabled = :disabled where id = :id")
                .param("role", role.value()).param("disabled", disabled).param("id", id).update();
    }

    private static UserRow map(ResultSet rs, int row) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), Role.of(rs.getString("role")), rs.getBoolean("disabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
