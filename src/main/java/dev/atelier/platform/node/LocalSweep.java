package dev.atelier.platform.node;

import java.time.Duration;

/**
 * Housekeeping of a folder that belongs to this node alone (an upload spool, copies of render
 * inputs): it runs on every node, on its own timer, unlike the cluster's recurring tasks, which
 * run once per cluster on whichever node claims them. Implementations are beans; a failure is
 * logged and the sweep runs again next time.
 */
public interface LocalSweep {

    /** For the log and the metrics, e.g. {@code spool_folders}. */
    String name();

    /** How often it runs. */
    Duration interval();

    /** Removes what is stale; answers how many entries went. */
    int sweep() throws Exception;
}
