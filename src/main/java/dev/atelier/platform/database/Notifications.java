package dev.atelier.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's one {@code LISTEN} connection. The parts of Atelier that react to a {@code NOTIFY}
 * from any node (the event streams' live updates, the work wake-ups) subscribe to their channel
 * here, when they are created, and one pooled connection listens on all of them: a node holds one
 * connection for this however many parts listen, none if none does.
 *
 * <p>Handlers run on the listener's thread, one notification at a time, so they must be quick; an
 * exception in one is logged and the next notification goes on. A lost connection is opened again
 * a second later. Notifications sent while no connection listened are lost, as with any
 * {@code LISTEN}: the streams replay from the database and the schedulers poll, and a part that
 * keeps what it read (the catalog's models) subscribes with a gap handler, run each time listening
 * begins on a new connection, and keeps nothing while {@link #connected()} is false.
 */
@Component
public class Notifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> gapHandlers = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean connected;
    private Thread listener;

    Notifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code handler} with the payload of every notification on {@code channel}, once started. */
    public void subscribe(String channel, Consumer<String> handler) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        if (listening || listener != null) { // a node started with no subscriber has no listener to tell
            throw new IllegalStateException("Subscribe to " + channel + " before the listener starts");
        }
        handlers.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /**
     * {@link #subscribe(String, Consumer)}, and calls {@code afterGap} each time this node begins to
     * listen on a new connection (the first included): whatever was sent before may never arrive.
     */
    public void subscribe(String channel, Consumer<String> handler, Runnable afterGap) {
        subscribe(channel, handler);
        gapHandlers.add(afterGap);
    }

    /** Whether a notification sent now will reach the handlers: the listener is connected and listening. */
    public boolean connected() {
        return connected;
    }

    private void listen() {
        while (listening) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String channel : handlers.keySet()) {
                    statement.execute("listen " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                connected = true;
                gapHandlers.forEach(Notifications::run);
                while (listening) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (listening) {
                    log.warn("The notification listener lost its connection; reconnecting", e);
                    if (!pause()) {
                        return; // interrupted: reconnecting at once, again and again, would only spin
                    }
                }
            }
        }
    }

    private void deliver(PGNotification notification) {
        for (Consumer<String> handler : handlers.getOrDefault(notification.getName(), List.of())) {
            try {
                handler.accept(notification.getParameter());
            } catch (RuntimeException e) {
                log.warn("A handler of {} failed on a notification", notification.getName(), e);
            }
        }
    }

    private static void run(Runnable gapHandler) {
        try {
            gapHandler.run();
        } catch (RuntimeException e) {
            log.warn("A gap handler failed", e);
        }
    }

    /** Waits a second before reconnecting; false if the thread was interrupted meanwhile. */
    private static boolean pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("The notification listener was interrupted while reconnecting; it stops");
            return false;
        }
    }

    @Override
    public void start() {
        listening = true;
        if (!handlers.isEmpty()) {
            listener = Thread.ofPlatform().daemon().name("notifications").start(this::listen);
        }
    }

    @Override
    public void stop() {
        listening = false;
        connected = false;
        if (listener != null) {
            try {
                listener.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listening;
    }
}
