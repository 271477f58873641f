package dev.atelier.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.test.AtelierTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtelierTest
class NotificationsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNodeListensForAllItsPartsOnOneConnection() {
        // the event streams (live updates) and the work wake-ups both listen on this node
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and query ilike 'listen %'""")
                        .query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void eachChannelsNotificationsReachItsHandlersAndAFailingHandlerStopsNothing() {
        Notifications notifications = new Notifications(dataSource);
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        notifications.subscribe("test_first", payload -> {
            if (payload.equals("boom")) {
                throw new IllegalStateException("a handler's bug");
            }
            first.add(payload);
        });
        notifications.subscribe("test_second", second::add);
        notifications.start();
        try {
            // resent until the listener has said LISTEN on both channels (it starts on its own thread)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                notify("test_first", "boom");
                notify("test_first", "after the failure");
                notify("test_second", "other channel");
                assertThat(first).contains("after the failure").doesNotContain("other channel");
                assertThat(second).contains("other channel").doesNotContain("after the failure");
            });
        } finally {
            notifications.stop();
        }
        assertThat(notifications.isRunning()).isFalse();
        assertThatThrownBy(() -> notifications.subscribe("late", payload -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSubscriptionAfterTheStartIsRefusedEvenWhenNothingListens() {
        Notifications notifications = new Notifications(dataSource);
        notifications.start(); // no subscriber: no listener, no connection
        try {
            assertThatThrownBy(() -> notifications.subscribe("too_late", payload -> { }))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            notifications.stop();
        }
    }

    @Test
    void aGapHandlerRunsEachTimeListeningBeginsOnANewConnection() {
        Notifications notifications = new Notifications(dataSource);
        AtomicInteger gaps = new AtomicInteger();
        notifications.subscribe("test_gap", payload -> { }, gaps::incrementAndGet);
        assertThat(notifications.connected()).isFalse();
        notifications.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> notifications.connected() && gaps.get() == 1);
            // the listener's connection is cut, as by a restarted database or a network fault
            assertThat(jdbc.sql("""
                    select count(pg_terminate_backend(pid)) from pg_stat_activity
                    where datname = current_database() and query = 'listen test_gap'""")
                    .query(Long.class).single()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> notifications.connected() && gaps.get() == 2);
        } finally {
            notifications.stop();
        }
        assertThat(notifications.connected()).isFalse();
    }

    @Test
    void aChannelNameIsAnIdentifierNotSql() {
        Notifications notifications = new Notifications(dataSource);
        assertThatThrownBy(() -> notifications.subscribe("x; drop table users", payload -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void notify(String channel, String payload) {
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", channel).param("payload", payload)
                .query().listOfRows();
    }
}
