package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationProperties;
import dev.atelier.platform.ApiException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * node with its event id ({@code id:}), and an ended job interrupts its work if it runs here
 * ({@link RunningWork}). A client reconnecting with {@code Last-Event-ID} first gets the events it
 * missed, from the database (any node can answer; kept {@link LiveUpdates#RETENTION}). A success
 * carries its outputs with signed URLs, as the generation's view shows them. Streams are bounded
 * per user, send a keep-alive comment on a fixed beat, and are forgotten when they end.
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
    private final LiveUpdates live;
    private final OutputStore outputs;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private Thread listener;
    private ScheduledExecutorService heartbeat;

    EventStreams(DataSource dataSource, ObjectMapper json, RunningWork running, GenerationProperties properties,
            LiveUpdates live, OutputStore outputs) {
        this.dataSource = dataSource;
        this.live = live;
        this.outputs = outputs;
        this.json = json;
        this.running = running;
        this.properties = properties;
    }

    /**
     * Opens a stream of the user's job updates. With {@code lastEventId} (the SSE
     * {@code Last-Event-ID} of a reconnecting client) it first replays the user's kept events
     * after that one, then goes on live, with no event twice and none skipped between the two.
     *
     * @param baseUrl this request's context URL, which relative output URLs are made absolute with
     */
    SseEmitter open(UUID userId, Long lastEventId, String baseUrl) {
        Set<Stream> mine = streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= MAX_STREAMS_PER_USER) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
                    "At most " + MAX_STREAMS_PER_USER + " event streams per user").header("Retry-After", "30");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        Stream stream = new Stream(userId, emitter, baseUrl, lastEventId == null ? Long.MAX_VALUE : lastEventId);
        mine.add(stream);
        Runnable forget = () -> forget(userId, stream);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        stream.comment("connected");
        if (lastEventId != null) {
            List<LiveUpdates.Recorded> missed;
            try {
                missed = live.since(userId, lastEventId);
            } catch (RuntimeException e) {
                log.warn("Could not replay events for a reconnecting stream", e);
                missed = List.of();
            }
            stream.replayed(missed);
        } else {
            stream.replayed(List.of());
        }
        return emitter;
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void dispatch(String payload) {
        JsonNode update = json.readTree(payload);
        UUID owner = UUID.fromString(update.get("ownerId").asString());
        JsonNode data = update.get("data");
        UUID id = UUID.fromString(data.get("id").asString());
        String status = data.get("status").asString();
        if (!"queued".equals(status) && !"running".equals(status) && !"succeeded".equals(status)) {
            running.interrupt(id); // canceled, failed or timed out elsewhere: stop working on it here
        }
        Set<Stream> mine = streams.get(owner);
        if (mine == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(data, Map.class);
        LiveUpdates.Recorded event = new LiveUpdates.Recorded(update.get("eventId").asLong(), owner, fields);
        for (Stream stream : mine) {
            stream.live(event);
        }
    }

    /** What a stream shows of an event: the job, its state, its progress and (on success) its outputs. */
    private Map<String, Object> shown(LiveUpdates.Recorded event, String baseUrl) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", event.data().get("id"));
        shown.put("status", event.data().get("status"));
        // absent when unknown: the shared JSON mapper leaves out nulls (spring.jackson.default-property-inclusion)
        shown.put("progress", event.data().get("progress") instanceof Number n ? n.intValue() : null);
        if (event.data().get("outputs") instanceof List<?> ids && !ids.isEmpty()) {
            List<UUID> assetIds = ids.stream().map(String::valueOf).map(UUID::fromString).toList();
            shown.put("outputs", outputs.describe(event.ownerId(), assetIds).stream()
                    .map(view -> absolute(view, baseUrl)).toList());
        }
        return shown;
    }

    private static OutputStore.OutputView absolute(OutputStore.OutputView view, String baseUrl) {
        if (baseUrl == null || baseUrl.isEmpty()) {
            return view;
        }
        return new OutputStore.OutputView(view.assetId(), absolute(view.url(), baseUrl),
                absolute(view.thumbnailUrl(), baseUrl), view.mediaType(), view.bytes(), view.width(), view.height(),
                view.durationMs(), view.hasAudio());
    }

    private static String absolute(String url, String baseUrl) {
        return url != null && url.startsWith("/") ? baseUrl + url : url;
    }

    /**
     * One open stream. Live events that arrive while the missed ones are being replayed wait, and
     * an event is sent only if its id is past the last one sent: a reconnection gets each once.
     */
    private final class Stream {

        private final UUID owner;
        private final SseEmitter emitter;
        private final String baseUrl;
        private long lastSent;
        private List<LiveUpdates.Recorded> waiting = new ArrayList<>();

        Stream(UUID owner, SseEmitter emitter, String baseUrl, long lastEventId) {
            this.owner = owner;
            this.emitter = emitter;
            this.baseUrl = baseUrl;
            this.lastSent = lastEventId == Long.MAX_VALUE ? Long.MIN_VALUE : lastEventId;
        }

        synchronized void live(LiveUpdates.Recorded event) {
            if (waiting != null) {
                waiting.add(event);
            } else {
                send(event);
            }
        }

        synchronized void replayed(List<LiveUpdates.Recorded> missed) {
            missed.forEach(this::send);
            List<LiveUpdates.Recorded> arrived = waiting;
            waiting = null;
            arrived.stream().sorted(java.util.Comparator.comparingLong(LiveUpdates.Recorded::eventId)).forEach(this::send);
        }

        synchronized void comment(String text) {
            transmit(SseEmitter.event().comment(text));
        }

        private void send(LiveUpdates.Recorded event) {
            if (event.eventId() <= lastSent) {
                return;
            }
            lastSent = event.eventId();
            Map<String, Object> data;
            try {
                data = shown(event, baseUrl);
            } catch (RuntimeException e) {
                log.warn("Could not describe event {} for its stream", event.eventId(), e);
                return;
            }
            transmit(SseEmitter.event().id(Long.toString(event.eventId())).name("generation.updated")
                    .data(data, MediaType.APPLICATION_JSON));
        }

        private void transmit(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                forget(owner, this); // the client went away
            }
        }
    }

    private void forget(UUID owner, Stream stream) {
        streams.computeIfPresent(owner, (id, set) -> {
            set.remove(stream);
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

    private void forgetOldEvents() {
        try {
            live.forgetOld();
        } catch (RuntimeException e) {
            log.debug("Could not forget old events this time", e);
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
                stream -> stream.comment("heartbeat"))), beat, beat, TimeUnit.MILLISECONDS);
        heartbeat.scheduleWithFixedDelay(this::forgetOldEvents, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        listening = false;
        heartbeat.shutdownNow();
        streams.values().forEach(set -> set.forEach(stream -> stream.emitter.complete()));
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
