package dev.atelier.bench;

import dev.atelier.AtelierApplication;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;

/**
 * bench/startup-steps.sh: where the application's start goes, step by step (Spring's
 * {@link BufferingApplicationStartup}): the steps with the most time of their own (their duration
 * less their children's), then it stops. Started as {@link AtelierApplication#main} starts.
 */
public final class StartupSteps {

    public static void main(String[] args) {
        SpringApplication application = AtelierApplication.application();
        BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
        application.setApplicationStartup(startup);
        long began = System.nanoTime();
        try (var context = application.run(args)) {
            System.out.printf("started in %.2f s%n", (System.nanoTime() - began) / 1e9);
            List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
            Map<Long, Duration> childTime = new HashMap<>();
            for (TimelineEvent event : events) {
                Long parent = event.getStartupStep().getParentId();
                if (parent != null) {
                    childTime.merge(parent, event.getDuration(), Duration::plus);
                }
            }
            int top = Integer.getInteger("steps", 40);
            System.out.println("self ms  total ms  step");
            events.stream()
                    .sorted((a, b) -> self(b, childTime).compareTo(self(a, childTime)))
                    .limit(top)
                    .forEach(event -> System.out.printf("%7d  %8d  %s %s%n", self(event, childTime).toMillis(),
                            event.getDuration().toMillis(), event.getStartupStep().getName(), tags(event)));
            Map<String, Duration> byName = new HashMap<>();
            events.forEach(event -> byName.merge(event.getStartupStep().getName(), self(event, childTime),
                    Duration::plus));
            System.out.println("self ms by step name:");
            byName.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                    .forEach(entry -> System.out.printf("%7d  %s%n", entry.getValue().toMillis(), entry.getKey()));
        }
    }

    private static Duration self(TimelineEvent event, Map<Long, Duration> childTime) {
        return event.getDuration().minus(childTime.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String tags(TimelineEvent event) {
        return String.join(" ", StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
                .map(tag -> tag.getKey() + "=" + tag.getValue()).toList());
    }
}
