package dev.atelier.render.internal;

import dev.atelier.editor.Timeline;
import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.render.RenderProperties;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Sending exports to remote render workers ({@code atelier.render.workers}): one is picked in
 * turn, skipping any that failed within {@code worker-skip}; none answering means the export
 * renders here. A worker gets signed links to the inputs and to an upload, renders with its own
 * ffmpeg and reports through signed callbacks ({@link RenderCallbackController}). An export whose
 * worker has been silent for a minute runs again (elsewhere or here); the deadline bounds it all.
 */
@Component
class RemoteRenders {

    private static final Logger log = LoggerFactory.getLogger(RemoteRenders.class);
    static final Duration SILENCE = Duration.ofSeconds(60);

    private final RenderProperties properties;
    private final SignedMessages signed;
    private final RenderInputs inputs;
    private final Assets assets;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<URI, Instant> skipUntil = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();

    RemoteRenders(RenderProperties properties, SignedMessages signed, RenderInputs inputs, Assets assets,
            ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.signed = signed;
        this.inputs = inputs;
        this.assets = assets;
        this.json = json;
        this.clock = clock;
        if (properties.remote() && properties.publicUrl() == null) {
            throw new IllegalStateException("atelier.render.public-url must be set when render workers are configured:"
                    + " workers fetch inputs and call back through it");
        }
    }

    /** The next worker that has not failed lately, or empty to render here. */
    Optional<URI> pick() {
        List<URI> workers = properties.workers();
        if (workers == null || workers.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (int i = 0; i < workers.size(); i++) {
            URI worker = workers.get(Math.floorMod(turn.getAndIncrement(), workers.size()));
            Instant until = skipUntil.get(worker);
            if (until == null || now.isAfter(until)) {
                return Optional.of(worker);
            }
        }
        return Optional.empty();
    }

    /** Whether a running export's worker reported within the last minute. */
    boolean stillWorking(Export e) {
        return e.updatedAt() != null && clock.instant().isBefore(e.updatedAt().plus(SILENCE));
    }

    void failed(URI worker) {
        skipUntil.put(worker, clock.instant().plus(properties.workerSkip()));
    }

    /** Hands the export to the worker; false (and the worker skipped for a while) when it would not take it. */
    boolean send(Export e, URI worker) {
        try {
            RenderInputs.Resolved resolved = inputs.resolve(json.readValue(e.timeline(), Timeline.class),
                    e.projectHeight(), e.ownerId());
            List<RemoteJob.Input> links = new ArrayList<>();
            for (Map.Entry<String, Asset> entry : resolved.bySha().entrySet()) {
                links.add(new RemoteJob.Input(entry.getKey(), absolute(assets.contentUrl(entry.getValue(), false))));
            }
            Output output = new Output(e.width(), e.height(), e.fps(),
                    "webm".equals(e.format()) ? Output.Kind.WEBM : Output.Kind.MP4);
            Duration left = Duration.between(clock.instant(), e.deadline());
            URI upload = absolute(URI.create("/render-callbacks/" + e.id() + "/output?"
                    + signed.uploadQuery(e.id(), left.plusMinutes(5))));
            URI callback = absolute(URI.create("/render-callbacks/" + e.id()));
            RemoteJob job = new RemoteJob(e.id(), resolved.edit(), new Window(0, e.lengthMs()), output, links, upload,
                    callback, Math.max(1, left.toSeconds()));
            byte[] body = json.writeValueAsBytes(job);
            StandardWebhooks.Headers headers = signed.sign(body);
            HttpRequest request = HttpRequest.newBuilder(worker.resolve("/render-worker/renders"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header(StandardWebhooks.ID, headers.id())
                    .header(StandardWebhooks.TIMESTAMP, headers.timestamp())
                    .header(StandardWebhooks.SIGNATURE, headers.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            log.warn("Render worker {} refused export {}: {} {}", worker, e.id(), response.statusCode(), response.body());
        } catch (RenderFailure | IOException | RuntimeException failure) {
            log.warn("Render worker {} could not take export {}: {}", worker, e.id(), failure.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        failed(worker);
        return false;
    }

    private URI absolute(URI link) {
        if (link.isAbsolute()) {
            return link;
        }
        String base = properties.publicUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link);
    }
}
