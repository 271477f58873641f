package dev.atelier.render;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the render module ({@code atelier.render}).
 *
 * @param exportTimeout the longest an export may take from submission; then it ends as timed out
 *     with its credits back
 * @param previewWindow the length of one preview window (one HLS segment)
 * @param previewHeight the preview's frame height (its width follows the project's shape)
 * @param previewFps the preview's frame rate
 * @param previewParallelism how many windows of one preview render at once
 * @param previewRetention cached preview windows unused this long are removed
 * @param urlTtl how long signed playlist and segment links work
 * @param workers remote render workers; empty renders on this node
 * @param workerSecret the shared Standard Webhooks secret for requests to and callbacks from
 *     workers; required when workers are configured (or this node is a worker)
 * @param workerSkip how long a worker that failed is passed over
 * @param publicUrl how workers reach this node (signed input links, uploads, callbacks)
 * @param worker this node as a remote worker
 * @param exportRetention how long an exported video stays in the library unless pinned (then
 *     retention removes it); 0 keeps exports until their owner deletes them
 * @param chunks how long MP4 exports are split into time chunks rendered on any render nodes
 */
@ConfigurationProperties("atelier.render")
public record RenderProperties(
        @DefaultValue("30m") Duration exportTimeout,
        @DefaultValue("4s") Duration previewWindow,
        @DefaultValue("360") int previewHeight,
        @DefaultValue("15") int previewFps,
        @DefaultValue("2") int previewParallelism,
        @DefaultValue("7d") Duration previewRetention,
        @DefaultValue("2h") Duration urlTtl,
        @DefaultValue List<URI> workers,
        String workerSecret,
        @DefaultValue("60s") Duration workerSkip,
        URI publicUrl,
        @DefaultValue Worker worker,
        @DefaultValue("30d") Duration exportRetention,
        @DefaultValue Chunks chunks) {

    /**
     * @param threshold MP4 exports at least this long are rendered in chunks (0 never chunks)
     * @param length the length of one chunk (the last one takes a remainder under half of it)
     * @param perNode how many chunks one node renders at once; more wait for this or another node
     */
    public record Chunks(@DefaultValue("2m") Duration threshold, @DefaultValue("60s") Duration length,
            @DefaultValue("1") int perNode) {

        public boolean applyTo(long lengthMs) {
            return !threshold.isZero() && lengthMs >= threshold.toMillis() && lengthMs > length.toMillis();
        }
    }

    /** @param enabled accept signed render requests from a server ({@code /render-worker/renders}) */
    public record Worker(@DefaultValue("false") boolean enabled) {
    }

    /** What an export's video is stored with: its retention, or none. */
    public Duration exportKeepFor() {
        return exportRetention == null || exportRetention.isZero() ? null : exportRetention;
    }

    public boolean remote() {
        return workers != null && !workers.isEmpty();
    }
}
