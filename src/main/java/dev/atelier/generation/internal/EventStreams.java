package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationProperties;
import dev.atelier.platform.ApiException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Server-Sent Event streams of each user's job updates. One connection per node LISTENs on the
 * channel {@link LiveUpdates} notifies; every update is sent to that user's open streams on this
 * node, and an ended job interrupts its work if it runs here ({@link RunningWork}). Streams are
 * bounded per user, send a keep-alive comment on a fixed beat, and are forgotten when they end.
 */
@Component
class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int MAX_STREAMS_PER_USER = 8;
    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final RunningWork running;
    private final GenerationProperties properties;
    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private Thread listener;
    private ScheduledExecutorService heartbeat;

    EventStreams(DataSource dataSource, ObjectMapper json, RunningWork running, GenerationProperties properties) {
        this.dataSource = dataSource;
        this.json = json;
        this.running = running;
        this.properties = properties;
    }

    SseEmitter open(UUID userId) {
        Set<SseEmitter> mine = streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= MAX_STREAMS_PER_USER) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
                    "At most " + MAX_STREAMS_PER_USER + " event streams per user").header("Retry-After", "30");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        mine.add(emitter);
        Runnable forget = () -> forget(userId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        send(userId, emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void dispatch(String payload) {
        JsonNode update = json.readTree(payload);
        UUID owner = UUID.fromString(update.get("ownerId").asString());
        UUID id = UUID.fromString(update.get("id").asString());
        String status = update.get("status").asString();
        // other modules (render) announce on this channel too, naming their own event
        String name = update.path("event").asString("generation.updated");
        boolean generation = "generation.updated".equals(name);
        if (generation && !"queued".equals(status) && !"running".equals(status) && !"succeeded".equals(status)) {
            running.interrupt(id); // canceled, failed or timed out elsewhere: stop working on it here
        }
        Set<SseEmitter> mine = streams.get(owner);
        if (mine == null) {
            return;
        }
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("id", id);
        event.put("status", status);
        // absent when unknown: the shared JSON mapper leaves out nulls (spring.jackson.default-property-inclusion)
        JsonNode progress = update.path("progress");
        event.put("progress", progress.isNumber() ? progress.asInt() : null);
        update.path("extra").properties().forEach(member -> event.put(member.getKey(), member.getValue()));
        for (SseEmitter emitter : mine) {
            send(owner, emitter, SseEmitter.event().name(name).data(event, MediaType.APPLICATION_JSON));
        }
    }

    private void send(UUID owner, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            forget(owner, emitter); // the client went away
        }
    }

    private void forget(UUID owner, SseEmitter emitter) {
        streams.computeIfPresent(owner, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void listen() {
        while (listening) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + LiveUpdates.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (listening) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            try {
                                dispatch(notification.getParameter());
                            } catch (RuntimeException e) {
                                log.warn("Dropped a malformed live update", e);
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    log.warn("Live updates listener lost its connection; reconnecting", e);
                    sleepQuietly();
                }
            }
        }
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        listening = true;
        listener = Thread.ofPlatform().daemon().name("live-updates").start(this::listen);
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sse-heartbeat").factory());
        long beat = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(() -> streams.forEach((owner, set) -> set.forEach(
                emitter -> send(owner, emitter, SseEmitter.event().comment("heartbeat")))), beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        listening = false;
        heartbeat.shutdownNow();
        streams.values().forEach(set -> set.forEach(SseEmitter::complete));
        streams.clear();
        try {
            listener.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listening;
    }
}
