package dev.atelier.credits.internal;

import dev.atelier.credits.CreditsCaptured;
import dev.atelier.platform.AfterCommit;
import dev.atelier.platform.metrics.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Money as operators watch it (docs/operations.md): credits held right now across the cluster
 * ({@code atelier.credits.held}), open holds and the age of the oldest (the "growing holds"
 * signal), read from the database at most every 10 s; and credits captured on this node
 * ({@code atelier.credits.captured}), counted after the capture commits, outside its transaction
 * ({@link AfterCommit}, so Spring Modulith stores no publication of each capture).
 */
@Component
class CreditMeters {

    record Holds(double held, double open, double oldestAge) {
    }

    private final Counter captured;

    CreditMeters(JdbcClient jdbc, MeterRegistry meters) {
        Snapshot<Holds> holds = Snapshot.every(Duration.ofSeconds(10), new Holds(0, 0, 0), () -> jdbc.sql("""
                select (select coalesce(sum(held), 0) from credit_accounts),
                    count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                from credit_holds where state = 'open'""")
                .query((rs, n) -> new Holds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3))).single());
        Gauge.builder("atelier.credits.held", holds, h -> h.get().held())
                .description("Credits held by open holds, cluster-wide").strongReference(true).register(meters);
        Gauge.builder("atelier.credits.holds.open", holds, h -> h.get().open())
                .description("Open holds, cluster-wide").strongReference(true).register(meters);
        Gauge.builder("atelier.credits.holds.oldest.age", holds, h -> h.get().oldestAge()).baseUnit("seconds")
                .description("Age of the oldest open hold").strongReference(true).register(meters);
        this.captured = Counter.builder("atelier.credits.captured").description("Credits captured on this node")
                .register(meters);
    }

    @EventListener
    void on(CreditsCaptured fact) {
        AfterCommit.run(() -> captured.increment(fact.amount()));
    }
}
