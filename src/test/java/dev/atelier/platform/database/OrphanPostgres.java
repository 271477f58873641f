package dev.atelier.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** Run in a child JVM that the test then kills with SIGKILL, leaving its postgres running. */
public final class OrphanPostgres {

    private OrphanPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join(); // wait to be killed
    }
}
