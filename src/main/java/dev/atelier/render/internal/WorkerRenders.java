package dev.atelier.render.internal;

import dev.atelier.platform.ffmpeg.FfmpegException;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The worker's side of a remote render: fetch every input from its signed link (checking its
 * content hash), build the graph for this node's ffmpeg, render in a work folder of its own
 * (removed on every way out), upload the video to the signed upload link, and call back signed:
 * progress about once a second, then succeeded or failed with the reason. A server answering 409
 * (the export ended there) stops the render. One render at a time per worker.
 */
@Component
@ConditionalOnProperty(name = "atelier.render.worker.enabled", havingValue = "true")
class WorkerRenders {

    private static final Logger log = LoggerFactory.getLogger(WorkerRenders.class);
    private final Semaphore slots = new Semaphore(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final SignedMessages signed;
    private final RenderProcess process;
    private final RenderTools tools;
    private final WorkFolders folders;
    private final ObjectMapper json;

    WorkerRenders(SignedMessages signed, RenderProcess process, RenderTools tools, WorkFolders folders,
            ObjectMapper json) {
        this.signed = signed;
        this.process = process;
        this.tools = tools;
        this.folders = folders;
        this.json = json;
    }

    boolean start(RemoteJob job) {
        if (!slots.tryAcquire()) {
            return false;
        }
        Thread.ofPlatform().name("render-worker-" + job.renderId()).daemon().start(() -> {
            try {
                render(job);
            } finally {
                slots.release();
            }
        });
        return true;
    }

    private void render(RemoteJob job) {
        Path work = null;
        Thread renderer = Thread.currentThread();
        AtomicLong micros = new AtomicLong();
        Thread reporter = Thread.ofVirtual().start(() -> report(job, micros, renderer));
        try {
            work = folders.create("worker-" + job.renderId());
            Map<String, Path> files = fetch(job, work);
            Invocation invocation = FilterGraph.build(job.edit(), job.window(), job.output(), tools.encoders());
            Path target = work.resolve(job.output().kind() == dev.atelier.render.graph.Output.Kind.WEBM
                    ? "render.webm" : "render.mp4");
            process.run(invocation, media -> files.get(media.sha256()), work, target,
                    Duration.ofSeconds(job.timeoutSeconds()), micros::set);
            reporter.interrupt();
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(job.uploadUrl())
                    .timeout(Duration.ofMinutes(10)).PUT(HttpRequest.BodyPublishers.ofFile(target)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (uploaded.statusCode() / 100 != 2) {
                callback(job, "failed", null, "upload_failed", "The upload was refused: " + uploaded.statusCode());
                return;
            }
            callback(job, "succeeded", 100, null, null);
        } catch (FfmpegException e) {
            if (!Thread.currentThread().isInterrupted()) {
                callback(job, "failed", null, "render_failed", "ffmpeg failed: " + e.stderrTail().strip());
            }
        } catch (InterruptedException e) {
            log.info("Remote render {} stopped", job.renderId());
        } catch (IOException | RuntimeException e) {
            callback(job, "failed", null, "render_failed", "The render worker failed: " + e.getMessage());
        } finally {
            reporter.interrupt();
            folders.delete(work);
        }
    }

    private Map<String, Path> fetch(RemoteJob job, Path work) throws IOException, InterruptedException {
        Map<String, Path> files = new HashMap<>();
        for (RemoteJob.Input input : job.inputs()) {
            if (!input.sha256().matches("[0-9a-f]{64}")) {
                throw new IOException("bad input hash");
            }
            Path file = work.resolve("input-" + input.sha256());
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(input.url())
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("input " + input.sha256() + " could not be fetched: " + response.statusCode());
            }
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (InputStream in = new DigestInputStream(response.body(), digest)) {
                Files.copy(in, file);
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(input.sha256())) {
                throw new IOException("input " + input.sha256() + " arrived with other content");
            }
            files.put(input.sha256(), file);
        }
        return files;
    }

    private void report(RemoteJob job, AtomicLong micros, Thread renderer) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
                // also a heartbeat: the server reruns an export whose worker stays silent
                int percent = Progress.percent(micros.get(), job.window().lengthMs());
                if (callback(job, "progress", percent, null, null) == 409) {
                    renderer.interrupt(); // canceled on the server
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends a signed callback; answers the status (0 when it could not be sent). */
    private int callback(RemoteJob job, String type, Integer progress, String code, String message) {
        try {
            byte[] body = json.writeValueAsBytes(new RemoteJob.Callback(job.renderId(), type, progress, code, message));
            StandardWebhooks.Headers headers = signed.sign(body);
            HttpRequest request = HttpRequest.newBuilder(job.callbackUrl()).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header(StandardWebhooks.ID, headers.id())
                    .header(StandardWebhooks.TIMESTAMP, headers.timestamp())
                    .header(StandardWebhooks.SIGNATURE, headers.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.warn("Callback {} of render {} not delivered: {}", type, job.renderId(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
