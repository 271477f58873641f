package dev.atelier.media.library;

import dev.atelier.media.MediaRejected;
import dev.atelier.media.StorageUsage;
import dev.atelier.media.ingest.Spooler;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-user storage, race-free on any number of nodes: an upload reserves room as it streams
 * (in growing steps of 8 to 64 MB, each one guarded UPDATE that succeeds only while kept +
 * reserved + step fits the quota; near the quota it reserves exactly what arrived), then
 * settles to its real size in the transaction that records the asset, or gives the
 * reservation back when it fails. A node that dies mid-upload leaves a reservation row that
 * retention gives back once it has not moved for a while.
 */
@Component
public class StorageQuota {

    private static final Logger log = LoggerFactory.getLogger(StorageQuota.class);
    /** Reservations grow by what is held so far, between these: few round trips, little held in excess. */
    static final long MIN_STEP = 8L * 1024 * 1024;
    static final long MAX_STEP = 64L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long quota;

    StorageQuota(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            dev.atelier.media.MediaProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.quota = properties.quota().toBytes();
    }

    /** A reservation that grows on demand when {@code enforced}; otherwise it only records usage. */
    Reservation open(UUID owner, boolean enforced) {
        return new Reservation(owner, enforced);
    }

    public StorageUsage usage(UUID owner) {
        return jdbc.sql("select used_bytes, reserved_bytes from media_usage where owner_id = :owner")
                .param("owner", owner)
                .query((rs, row) -> new StorageUsage(rs.getLong(1), rs.getLong(2), quota))
                .optional().orElse(new StorageUsage(0, 0, quota));
    }

    /** Gives back bytes of a deleted asset; runs in the caller's transaction. */
    void release(UUID owner, long bytes) {
        jdbc.sql("update media_usage set used_bytes = greatest(used_bytes - :bytes, 0) where owner_id = :owner")
                .param("owner", owner).param("bytes", bytes).update();
    }

    /** Gives back the reservations of uploads that have not moved since {@code before}; answers how many. */
    int releaseStale(Instant before) {
        return transactions.execute(status -> {
            List<Object[]> stale = jdbc.sql("delete from media_reservations where touched_at < :before"
                            + " returning owner_id, bytes")
                    .param("before", Timestamp.from(before))
                    .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2)}).list();
            for (Object[] reservation : stale) {
                jdbc.sql("update media_usage set reserved_bytes = greatest(reserved_bytes - :bytes, 0)"
                                + " where owner_id = :owner")
                        .param("owner", reservation[0]).param("bytes", reservation[1]).update();
            }
            return stale.size();
        });
    }

    /** The room one upload holds. Not thread-safe: one upload, one thread. */
    public final class Reservation implements Spooler.Budget, AutoCloseable {

        private final UUID id = UUID.randomUUID();
        private final UUID owner;
        private final boolean enforced;
        private boolean started;
        private boolean settled;
        private long reserved;

        private Reservation(UUID owner, boolean enforced) {
            this.owner = owner;
            this.enforced = enforced;
        }

        @Override
        public void ensure(long bytes) {
            if (!enforced || bytes <= reserved) {
                return;
            }
            if (!started) {
                start();
            }
            long step = Math.clamp(reserved, MIN_STEP, MAX_STEP);
            if (!grow(Math.max(bytes, reserved + step) - reserved) && !grow(bytes - reserved)) {
                throw MediaRejected.overQuota(quota, usage(owner).usedBytes());
            }
        }

        private void start() {
            transactions.executeWithoutResult(status -> {
                ensureUsageRow();
                jdbc.sql("insert into media_reservations (id, owner_id, bytes, touched_at) values (:id, :owner, 0, :now)")
                        .param("id", id).param("owner", owner).param("now", Timestamp.from(clock.instant())).update();
            });
            started = true;
        }

        private boolean grow(long bytes) {
            Boolean granted = transactions.execute(status -> {
                int touched = jdbc.sql("update media_reservations set bytes = bytes + :bytes, touched_at = :now"
                                + " where id = :id")
                        .param("id", id).param("bytes", bytes).param("now", Timestamp.from(clock.instant())).update();
                if (touched == 0) {
                    throw new IllegalStateException("reservation " + id + " was given back while in use");
                }
                int fits = jdbc.sql("update media_usage set reserved_bytes = reserved_bytes + :bytes"
                                + " where owner_id = :owner and used_bytes + reserved_bytes + :bytes <= :quota")
                        .param("owner", owner).param("bytes", bytes).param("quota", quota).update();
                if (fits == 0) {
                    status.setRollbackOnly();
                }
                return fits > 0;
            });
            if (Boolean.TRUE.equals(granted)) {
                reserved += bytes;
                return true;
            }
            return false;
        }

        /** Turns the reservation into kept bytes; call inside the transaction that records the asset. */
        void settle(long bytes) {
            // one statement for the usage row, made if it is the owner's first asset
            jdbc.sql("insert into media_usage as u (owner_id, used_bytes) values (:owner, :bytes)"
                            + " on conflict (owner_id) do update set used_bytes = u.used_bytes + :bytes,"
                            + " reserved_bytes = greatest(u.reserved_bytes - :reserved, 0)")
                    .param("owner", owner).param("bytes", bytes).param("reserved", reserved).update();
            if (started) { // an unenforced reservation never wrote its row
                jdbc.sql("delete from media_reservations where id = :id").param("id", id).update();
            }
        }

        /** Marks the reservation as settled once the recording transaction has committed. */
        void settled() {
            settled = true;
        }

        @Override
        public void close() {
            if (settled || !started) {
                return;
            }
            try {
                transactions.executeWithoutResult(status -> {
                    int deleted = jdbc.sql("delete from media_reservations where id = :id").param("id", id).update();
                    if (deleted > 0) {
                        jdbc.sql("update media_usage set reserved_bytes = greatest(reserved_bytes - :bytes, 0)"
                                        + " where owner_id = :owner")
                                .param("owner", owner).param("bytes", reserved).update();
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not give back reservation {} of {} bytes; retention will", id, reserved, e);
            }
        }

        private void ensureUsageRow() {
            jdbc.sql("insert into media_usage (owner_id) values (:owner) on conflict (owner_id) do nothing")
                    .param("owner", owner).update();
        }
    }
}
