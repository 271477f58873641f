package dev.atelier.media.web;

import dev.atelier.media.Asset;
import dev.atelier.platform.metrics.Snapshot;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uploads this node took, by kind, with their sizes ({@code atelier.media.uploads}, a summary of
 * bytes), and the bytes the library keeps cluster-wide ({@code atelier.media.stored}), read from
 * the database at most every 30 s.
 */
@Component
class UploadMeters {

    private final MeterRegistry meters;

    UploadMeters(MeterRegistry meters, JdbcClient jdbc) {
        this.meters = meters;
        Snapshot<Double> stored = Snapshot.every(Duration.ofSeconds(30), 0.0, () -> jdbc.sql(
                "select coalesce(sum(used_bytes), 0) from media_usage").query(Double.class).single());
        Gauge.builder("atelier.media.stored", stored, Snapshot::get).baseUnit("bytes")
                .description("Bytes of assets kept, cluster-wide").strongReference(true).register(meters);
    }

    void uploaded(Asset asset) {
        DistributionSummary.builder("atelier.media.uploads").baseUnit("bytes").description("Uploads stored")
                .tag("kind", asset.kind().name().toLowerCase(Locale.ROOT)).register(meters).record(asset.bytes());
    }
}
