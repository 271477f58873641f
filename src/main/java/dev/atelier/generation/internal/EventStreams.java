package dev.atelier.generation.internal;

import dev.atelier.accounts.AccountDisabled;
import dev.atelier.accounts.AccountStatus;
import org.springframework.context.event.EventListener;
import dev.atelier.generation.GenerationProperties;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.database.Notifications;
import java.io.IOException;
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
 * Server-Sent Event streams of each user's job updates. The node's listening connection
 * ({@link Notifications}) follows the channel {@link LiveUpdates} notifies; every update is sent to
 * that user's open streams on this node with its event id ({@code id:}), and an ended job
 * interrupts its work if it runs here
 * ({@link RunningWork}). A client reconnecting with {@code Last-Event-ID} first gets the events it
 * missed, from the database (any node can answer; kept {@link LiveUpdates#RETENTION}). A success
 * carries its outputs with signed URLs, as the generation's view shows them. Streams are bounded
 * per user, send a keep-alive comment on a fixed beat, and are forgotten when they end.
 *
 * <p>A client that went away is noticed only when a write to it fails. So a user at the limit is not
 * refused at once: their streams are probed first (two writes: the first may still be buffered by
 * the OS, the second fails on a closed connection), and those that are gone free their slots. A
 * disabled account's streams are closed at once on the node that disabled it
 * ({@link AccountDisabled}) and at the next heartbeat on the others.
 */
@Component
class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int MAX_STREAMS_PER_USER = 8;
    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

    private final ObjectMapper json;
    private final RunningWork running;
    private final GenerationProperties properties;
    private final LiveUpdates live;
    private final OutputStore outputs;
    private final AccountStatus accounts;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private volatile boolean started;
    private ScheduledExecutorService heartbeat;

    EventStreams(ObjectMapper json, RunningWork running, GenerationProperties properties, LiveUpdates live,
            OutputStore outputs, AccountStatus accounts, Notifications notifications) {
        this.accounts = accounts;
        this.live = live;
        this.outputs = outputs;
        this.json = json;
        this.running = running;
        this.properties = properties;
        notifications.subscribe(LiveUpdates.CHANNEL, this::received);
    }

    /**
     * Opens a stream of the user's job updates. With {@code lastEventId} (the SSE
     * {@code Last-Event-ID} of a reconnecting client) it first replays the user's kept events
     * after that one, then goes on live, with no event twice and none skipped between the two.
     * Output URLs are as the REST API gives them (relative unless a public URL is configured).
     */
    SseEmitter open(UUID userId, Long lastEventId) {
        Set<Stream> mine = streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= MAX_STREAMS_PER_USER) {
            probe(mine);
        }
        if (mine.size() >= MAX_STREAMS_PER_USER) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
                    "At most " + MAX_STREAMS_PER_USER + " event streams per user").header("Retry-After", "30");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        Stream stream = new Stream(userId, emitter, lastEventId == null ? Long.MAX_VALUE : lastEventId);
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

    /** Writes to each of the user's streams so those whose client went away fail and free their slots. */
    private static void probe(Set<Stream> mine) {
        for (int round = 0; round < 2; round++) {
            for (Stream stream : List.copyOf(mine)) {
                stream.comment("ping");
            }
        }
    }

    @EventListener
    void on(AccountDisabled event) {
        close(event.userId());
    }

    private void close(UUID userId) {
        Set<Stream> mine = streams.remove(userId);
        if (mine != null) {
            mine.forEach(stream -> stream.emitter.complete());
            log.info("Closed {} event stream(s) of disabled account {}", mine.size(), userId);
        }
    }

    private void closeInactive() {
        try {
            accounts.inactiveAmong(Set.copyOf(streams.keySet())).forEach(this::close);
        } catch (RuntimeException e) {
            log.warn("Could not check the accounts of open event streams", e);
        }
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void dispatch(String payload) {
        JsonNode update = json.readTree(payload);
        UUID owner = UUID.fromString(update.get("ownerId").asString());
        if (!update.has("eventId")) {
            dispatchUnrecorded(owner, update);
            return;
        }
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

    /**
     * Another module's update on this channel ({@code {event, ownerId, id, status, progress, extra}},
     * e.g. render's {@code export.updated} and {@code preview.updated}): sent live under its own
     * event name, without an id, so it is not replayed to a reconnecting client (the export or
     * preview itself is the record to read again).
     */
    private void dispatchUnrecorded(UUID owner, JsonNode update) {
        Set<Stream> mine = streams.get(owner);
        if (mine == null) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", update.get("id").asString());
        event.put("status", update.get("status").asString());
        JsonNode progress = update.path("progress");
        event.put("progress", progress.isNumber() ? progress.asInt() : null);
        update.path("extra").properties().forEach(member -> event.put(member.getKey(), member.getValue()));
        String name = update.path("event").asString("update");
        for (Stream stream : mine) {
            stream.unrecorded(name, event);
        }
    }

    /** What a stream shows of an event: the job, its state, its progress and (on success) its outputs. */
    private Map<String, Object> shown(LiveUpdates.Recorded event) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", event.data().get("id"));
        shown.put("status", event.data().get("status"));
        // absent when unknown: the shared JSON mapper leaves out nulls (spring.jackson.default-property-inclusion)
        shown.put("progress", event.data().get("progress") instanceof Number n ? n.intValue() : null);
        if (event.data().get("outputs") instanceof List<?> ids && !ids.isEmpty()) {
            List<UUID> assetIds = ids.stream().map(String::valueOf).map(UUID::fromString).toList();
            shown.put("outputs", outputs.describe(event.ownerId(), assetIds));
        }
        return shown;
    }

    /**
     * One open stream. Live events that arrive while the missed ones are being replayed wait, and
     * an event is sent only if its id is past the last one sent: a reconnection gets each once.
     */
    private final class Stream {

        private final UUID owner;
        private final SseEmitter emitter;
        private long lastSent;
        private List<LiveUpdates.Recorded> waiting = new ArrayList<>();

        Stream(UUID owner, SseEmitter emitter, long lastEventId) {
            this.owner = owner;
            this.emitter = emitter;
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

        synchronized void unrecorded(String name, Map<String, Object> data) {
            transmit(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
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
                data = shown(event);
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

    private void received(String payload) {
        try {
            dispatch(payload);
        } catch (RuntimeException e) {
            log.warn("Dropped a malformed live update", e);
        }
    }

    private void forgetOldEvents() {
        try {
            live.forgetOld();
        } catch (RuntimeException e) {
            log.debug("Could not forget old events this time", e);
        }
    }

    @Override
    public void start() {
        started = true;
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sse-heartbeat").factory());
        long beat = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(() -> {
            closeInactive();
            streams.forEach((owner, set) -> set.forEach(stream -> stream.comment("heartbeat")));
        }, beat, beat, TimeUnit.MILLISECONDS);
        heartbeat.scheduleWithFixedDelay(this::forgetOldEvents, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        started = false;
        heartbeat.shutdownNow();
        streams.values().forEach(set -> set.forEach(stream -> stream.emitter.complete()));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
