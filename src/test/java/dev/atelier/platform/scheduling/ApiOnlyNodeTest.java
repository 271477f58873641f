package dev.atelier.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.generation.GenerationsApi;
import dev.atelier.generation.NewGeneration;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A node with only the {@code api} role takes a job and stores its task, runs nothing itself, and
 * wakes the nodes that run generations through {@code NOTIFY} when the job commits.
 */
@AtelierTest
@Import(GenerationsApi.class)
@TestPropertySource(properties = "atelier.node.roles=api")
class ApiOnlyNodeTest {

    @Autowired
    GenerationsApi generations;
    @Autowired
    TestUsers users;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApiNodeStoresTheJobRunsNothingAndWakesTheNodesThatRunJobs() throws Exception {
        try (Connection listener = dataSource.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("listen " + WorkWakeups.CHANNEL);
            String id = generations.submitted(users.signUp(), NewGeneration.of("local/sketch", "wake the workers"));

            PGNotification wake = next(listener.unwrap(PGConnection.class));
            assertThat(wake.getParameter()).isEqualTo("run-generation");
            assertThat(jdbc.sql("select picked from scheduled_tasks where task_name = 'run-generation' and task_instance = :id")
                    .param("id", id).query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("select status from generations where id = :id").param("id", UUID.fromString(id))
                    .query(String.class).single()).isEqualTo("queued");
        }
    }

    private static PGNotification next(PGConnection connection) throws Exception {
        PGNotification[] notifications = connection.getNotifications(10_000);
        assertThat(notifications).as("a wake-up within 10 s").isNotEmpty();
        return notifications[0];
    }
}
