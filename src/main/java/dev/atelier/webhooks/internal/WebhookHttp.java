package dev.atelier.webhooks.internal;

import dev.atelier.webhooks.WebhooksProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs deliveries. Every connection goes through {@link GuardedDnsResolver} (no proxy, no other
 * resolution), redirects are answers (a 3xx is a failure, never followed), connecting and each
 * read wait at most {@code timeout} and a whole attempt at most three times that, and at most
 * {@code max-response} of an answer is read: a connection whose answer was longer is closed,
 * not drained.
 */
@Component
class WebhookHttp implements DisposableBean {

    static final int EXCERPT_CHARS = 1000;

    /** What the receiver answered, or why nothing usable came back ({@code error}). */
    record Answer(Integer status, String error, int durationMs, String excerpt) {
        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final long deadlineMillis;
    private final int maxResponse;

    WebhookHttp(WebhooksProperties properties) {
        Timeout timeout = Timeout.of(properties.timeout());
        this.maxResponse = (int) properties.maxResponse().toBytes();
        this.deadlineMillis = properties.timeout().toMillis() * 3;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(new AddressPolicy(properties.allowPrivateAddresses())))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setMaxConnTotal(properties.workers() * 4)
                        .setMaxConnPerRoute(properties.workers())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("Atelier-Webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("webhook-deadlines").factory());
    }

    Answer post(URI url, Map<String, String> headers, byte[] body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        long started = System.nanoTime();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            late.set(true);
            post.cancel();
        }, deadlineMillis, TimeUnit.MILLISECONDS);
        // executeOpen, not execute(handler): the handler form drains whatever is left of the answer
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, post, null);
            return answer(post, response, started);
        } catch (IOException | RuntimeException e) {
            return new Answer(null, describe(e, late.get()), millisSince(started), null);
        } finally {
            deadline.cancel(false);
            closeQuietly(response);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                // a connection dropped on purpose (answer too long) may complain on the way out
            }
        }
    }

    private Answer answer(HttpPost post, ClassicHttpResponse response, long started) throws IOException {
        HttpEntity entity = response.getEntity();
        String excerpt = null;
        if (entity != null) {
            InputStream in = entity.getContent();
            byte[] read = in.readNBytes(maxResponse);
            if (in.read() == -1) {
                EntityUtils.consume(entity); // all read: the connection goes back to the pool
            } else {
                post.cancel(); // more than we read: drop the connection (closing the stream would drain it)
            }
            excerpt = excerpt(read);
        }
        return new Answer(response.getCode(), null, millisSince(started), excerpt);
    }

    private static String excerpt(byte[] read) {
        String text = new String(read, 0, Math.min(read.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
    }

    private static String describe(Exception e, boolean late) {
        if (late) {
            return "timeout: no complete answer in time";
        }
        String kind = switch (e) {
            case GuardedDnsResolver.AddressRefused refused -> "address_refused";
            case UnknownHostException unknown -> "dns_failure";
            case ConnectTimeoutException timeout -> "timeout";
            case SocketTimeoutException timeout -> "timeout";
            case ConnectException refused -> "connection_refused";
            case SSLException tls -> "tls_error";
            case InterruptedIOException interrupted -> "timeout";
            default -> "network_error";
        };
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return kind + ": " + (message.length() > 300 ? message.substring(0, 300) : message);
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
