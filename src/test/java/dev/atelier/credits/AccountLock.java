package dev.atelier.credits;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holds an account row locked so that racing statements all take their snapshot ("not done yet")
 * and then queue on the row: released together, every one but the first collides on a unique
 * index. The one race our statements cannot settle by themselves, made certain instead of likely.
 */
public final class AccountLock implements AutoCloseable {

    private final Connection connection;

    private AccountLock(Connection connection) {
        this.connection = connection;
    }

    public static AccountLock on(DataSource dataSource, UUID user) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "select 1 from credit_accounts where user_id = ? for update")) {
            lock.setObject(1, user);
            lock.executeQuery().close();
        }
        return new AccountLock(connection);
    }

    /** Waits until {@code count} other sessions are blocked on a lock. */
    public void awaitWaiters(JdbcClient jdbc, int count) {
        await().until(() -> jdbc.sql("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and query like '%credit_accounts%'
                """).query(Integer.class).single() >= count);
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        connection.close();
    }
}
