package dev.atelier.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as a browser's EventSource would be: one GET, the body read line by
 * line on its own thread and parsed into events (or comments, such as heartbeats) in a queue.
 */
public final class EventStream implements AutoCloseable {

    /** One event: its {@code name} and {@code data}, or a {@code comment} line. */
    public record Event(String name, String data, String comment) {

        boolean isComment(String text) {
            return text.equals(comment);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().name("sse-test-reader").start(this::read);
    }

    public static EventStream open(String url) {
        return open(HttpRequest.newBuilder(URI.create(url)));
    }

    static EventStream open(String url, String bearer) {
        return open(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer));
    }

    private static EventStream open(HttpRequest.Builder request) {
        try {
            return new EventStream(HTTP.send(request.header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event that matches, skipping others; fails after {@code timeout}. */
    public Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(":")) {
                    events.add(new Event(null, null, line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && (name != null || !data.isEmpty())) {
                    events.add(new Event(name, data.toString(), null));
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream, or the server went away
        }
    }

    /** Whether the server still holds the stream open (the reader has not seen its end). */
    boolean open() {
        return reader.isAlive();
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
