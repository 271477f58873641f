package dev.atelier.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A webhook receiver on loopback that records what it gets and answers as told: scripted status
 * codes (then 200), an optional body, and optionally holding every request until released (a slow
 * receiver). Counts how many requests it holds at once.
 */
public final class Receiver implements AutoCloseable {

    public record Received(Map<String, String> headers, byte[] body, String path, java.time.Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private final HttpServer server;
    private volatile byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
    private volatile CountDownLatch hold;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.join(",", e.getValue()),
                                (a, b) -> a));
                received.add(new Received(headers, body, exchange.getRequestURI().getPath(), java.time.Instant.now()));
                CountDownLatch held = hold;
                if (held != null) {
                    held.await(60, TimeUnit.SECONDS);
                }
                Integer status = statuses.poll();
                int code = status == null ? 200 : status;
                if (code / 100 == 3) {
                    exchange.getResponseHeaders().add("Location", url("/redirected"));
                }
                byte[] out = answer;
                exchange.sendResponseHeaders(code, out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    exchange.getResponseBody().write(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the sender gave up (timeout, or it read enough): nothing to do
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    public static Receiver start() {
        try {
            return new Receiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next answers' status codes, in order; 200 after them. */
    public void answer(Integer... codes) {
        statuses.addAll(List.of(codes));
    }

    public void body(byte[] body) {
        answer = body;
    }

    /** Holds every request until {@link #release()}. */
    public void holdRequests() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
        }
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    public static Duration patience() {
        return Duration.ofSeconds(20);
    }
}
