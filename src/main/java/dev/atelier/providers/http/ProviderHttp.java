package dev.atelier.providers.http;

import dev.atelier.generation.ProviderFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * HTTP to one provider, behind its {@link Resilience.Guard}: every call has a timeout, is timed
 * ({@code atelier_provider_calls_seconds{provider,operation,outcome}}), and comes back as a
 * {@link Reply}, never an exception. The key goes only to the provider's own base URL (output
 * URLs on other hosts are fetched without it) and never into a message, log or metric.
 */
public final class ProviderHttp {

    /** The largest JSON answer read (base64 images come inside JSON). */
    private static final int MAX_JSON = 64 * 1024 * 1024;

    private final String provider;
    private final URI base;
    private final Map<String, String> auth;
    private final String secret;
    private final Duration timeout;
    private final Resilience.Guard guard;
    private final MeterRegistry meters;
    private final long maxOutputBytes;
    private final Path scratch;
    private final HttpClient client;
    private final Clock clock;

    public ProviderHttp(String provider, URI base, Map<String, String> auth, String secret, Duration timeout,
            Resilience.Guard guard, MeterRegistry meters, long maxOutputBytes, Path scratch, Clock clock) {
        this.clock = clock;
        this.provider = provider;
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.auth = Map.copyOf(auth);
        this.secret = secret;
        this.timeout = timeout;
        this.guard = guard;
        this.meters = meters;
        this.maxOutputBytes = maxOutputBytes;
        this.scratch = scratch;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String provider() {
        return provider;
    }

    public boolean accepting() {
        return guard.accepting();
    }

    /** {@code path} relative to the base URL, or an absolute URL the provider handed out. */
    public URI uri(String path) {
        URI given = URI.create(path);
        return given.isAbsolute() ? given : base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A request with the timeout and, to the provider's own origin only, its credentials. */
    public HttpRequest.Builder request(String path) {
        URI uri = uri(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        if ("http".equals(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP servers (ComfyUI, fakes)
        }
        if (sameOrigin(uri)) {
            auth.forEach(builder::header);
        }
        return builder;
    }

    public HttpRequest.Builder json(String path, String body) {
        return request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A call answered with JSON (or nothing). */
    public Reply send(String operation, HttpRequest.Builder request, boolean idempotent) {
        return timed(operation, () -> guard.run(() -> once(request.build(), false), idempotent));
    }

    /** A call answered with a file (audio, video): streamed into a scratch file, size-limited. */
    public Reply download(String operation, HttpRequest.Builder request, boolean idempotent) {
        return timed(operation, () -> guard.run(() -> once(request.build(), true), idempotent));
    }

    /**
     * Fetches an output URL the provider handed out. One that answers 403, 404 or 410 has
     * expired (or is not there yet): a retryable {@code output_expired}, so the job asks the
     * provider again while it still has the result.
     */
    public Reply fetchOutput(URI url) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            return new Reply.Failed(ProviderFailure.permanent("output_rejected", "The output is not at an HTTP URL"));
        }
        Reply reply = download("output", request(url.toString()).GET(), true);
        if (reply instanceof Reply.Failed failed && failed.failure().code().equals("provider_not_found")
                || reply instanceof Reply.Failed f && f.failure().code().equals("provider_auth_failed")) {
            return new Reply.Failed(ProviderFailure.transientFailure("output_expired",
                    "The output link from " + provider + " has expired; asking for it again", null));
        }
        return reply;
    }

    private Reply timed(String operation, Supplier<Reply> call) {
        long started = System.nanoTime();
        Reply reply = call.get();
        String outcome = reply instanceof Reply.Failed failed ? failed.failure().code() : "ok";
        Timer.builder("atelier.provider.calls").description("Calls to model providers")
                .tag("provider", provider).tag("operation", operation).tag("outcome", outcome)
                .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
        return reply;
    }

    private Reply once(HttpRequest request, boolean toFile) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status / 100 != 2) {
                    String text = new String(body.readNBytes(16 * 1024), StandardCharsets.UTF_8);
                    return new Reply.Failed(ProviderErrors.of(provider, status, response.headers(), text, secret,
                            clock.instant()));
                }
                if (!toFile) {
                    byte[] bytes = body.readNBytes(MAX_JSON + 1);
                    if (bytes.length > MAX_JSON) {
                        return new Reply.Failed(ProviderErrors.malformed(provider, "the answer is too large"));
                    }
                    return new Reply.Ok(status, response.headers(), bytes);
                }
                String type = response.headers().firstValue("content-type").map(ProviderHttp::bare)
                        .orElse("application/octet-stream");
                if (type.startsWith("text/") || type.equals("application/json")) {
                    return new Reply.Failed(ProviderErrors.malformed(provider, "a " + type + " body instead of media"));
                }
                return toFile(body, type);
            }
        } catch (HttpTimeoutException e) {
            return new Reply.Failed(ProviderFailure.transientFailure("provider_timeout",
                    provider + " did not answer within " + timeout.toMillis() + " ms", null));
        } catch (ConnectException e) {
            return new Reply.Failed(ProviderFailure.transientFailure("provider_unreachable",
                    provider + " could not be reached", null));
        } catch (IOException e) {
            return new Reply.Failed(ProviderFailure.transientFailure("provider_unavailable",
                    provider + " broke off the connection", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while calling " + provider);
        }
    }

    private Reply toFile(InputStream body, String type) throws IOException {
        Files.createDirectories(scratch);
        Path file = Files.createTempFile(scratch, provider + "-", ".out");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) != -1; ) {
                total += n;
                if (total > maxOutputBytes) {
                    out.close();
                    Files.deleteIfExists(file);
                    return new Reply.Failed(ProviderFailure.permanent("output_rejected",
                            "The output of " + provider + " is larger than " + maxOutputBytes + " bytes"));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Reply.File(file, type);
    }

    /** Writes bytes the provider sent inline (base64 images) to a scratch file. */
    public Reply.File inline(byte[] bytes, String type) throws IOException {
        if (bytes.length > maxOutputBytes) {
            throw new IOException("inline output larger than " + maxOutputBytes + " bytes");
        }
        Files.createDirectories(scratch);
        Path file = Files.createTempFile(scratch, provider + "-", ".out");
        Files.write(file, bytes);
        return new Reply.File(file, type);
    }

    private boolean sameOrigin(URI uri) {
        return Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getHost(), base.getHost())
                && uri.getPort() == base.getPort();
    }

    private static String bare(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
