package dev.atelier.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.webhooks.WebhooksProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RetryScheduleTest {

    static WebhooksProperties defaults() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("atelier.webhooks",
                Bindable.of(WebhooksProperties.class));
    }

    @Test
    void delaysGrowFourfoldFromFiveSecondsUpToTwelveHours() {
        RetrySchedule schedule = new RetrySchedule(defaults(), () -> 0.5);
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.delayAfter(7)).isEqualTo(Duration.ofSeconds(20480));
        assertThat(schedule.delayAfter(8)).isEqualTo(Duration.ofHours(12));
        assertThat(schedule.delayAfter(30)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void retriesEndThreeDaysAfterTheFirstAttemptWithThirteenAttemptsInAll() {
        RetrySchedule schedule = new RetrySchedule(defaults(), () -> 0.5); // no jitter
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> attempts = new ArrayList<>(List.of(start));
        Optional<Instant> next;
        while ((next = schedule.next(attempts.size(), start, attempts.getLast())).isPresent()) {
            attempts.add(next.get());
        }
        assertThat(attempts).hasSize(13);
        assertThat(attempts.getLast()).isBefore(start.plus(Duration.ofDays(3)));
        assertThat(Duration.between(start, attempts.getLast())).isGreaterThan(Duration.ofDays(2));
    }

    @Test
    void jitterMovesEachDelayByAtMostTwentyPercent() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(new RetrySchedule(defaults(), () -> 0.0).next(2, now, now)).contains(now.plusSeconds(16));
        assertThat(new RetrySchedule(defaults(), () -> 1.0).next(2, now, now)).contains(now.plusSeconds(24));
    }
}
