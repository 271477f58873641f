package dev.atelier.render;

import static dev.atelier.render.MediaChecks.colour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.AtelierApplication;
import dev.atelier.test.Api;
import dev.atelier.test.TestDatabase;
import dev.atelier.test.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An export running when its node stops is rendered again by the next one, and paid for once. */
class ExportRestartTest {

    @TempDir
    Path dataDir;
    private final String database = TestDatabase.newDatabase();

    @Test
    void anExportSurvivesARestart() {
        String token;
        String id;
        try (ConfigurableApplicationContext first = start()) {
            token = first.getBean(TestUsers.class).signUp().accessToken();
            Studio studio = new Studio(first.getBean(Api.class), token);
            List<UUID> clips = new ArrayList<>();
            UUID a = studio.upload(MediaChecks.colourVideo(colour(0), 2));
            UUID b = studio.upload(MediaChecks.colourVideo(colour(1), 2));
            for (int i = 0; i < 20; i++) {
                clips.add(i % 2 == 0 ? a : b);
            }
            UUID project = studio.project(1280, 720, 30, Studio.timeline(clips, 1500));
            id = studio.export(project, "1080p", "mp4").json().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> studio.get("/api/v1/exports/" + id).get("status")
                    .asString().equals("running"));
        }
        try (ConfigurableApplicationContext second = start()) {
            Studio studio = new Studio(second.getBean(Api.class), token);
            JsonNode export = studio.awaitExport(id, Duration.ofMinutes(4));
            assertThat(export.get("status").asString()).as(export.toString()).isEqualTo("succeeded");
            assertThat(MediaChecks.durationMs(studio.download(export))).isBetween(30_000L - 40, 30_000L + 40);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("""
                    select l.kind from credit_ledger l join credit_holds h on h.id = l.hold_id
                    where h.reference = :reference and l.kind in ('capture', 'release')""")
                    .param("reference", "render:" + id).query(String.class).list()).containsExactly("capture");
            assertThat(jdbc.sql("select attempts from render_exports where id = :id").param("id", UUID.fromString(id))
                    .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AtelierApplication.class)
                .initializers(context -> {
                    GenericApplicationContext registry = (GenericApplicationContext) context;
                    registry.registerBean("testApi", Api.class);
                    registry.registerBean("testUsers", TestUsers.class);
                })
                .properties("atelier.test.isolated=false", "atelier.database.url=" + database,
                        "atelier.database.username=postgres", "atelier.database.password=",
                        "atelier.data-dir=" + dataDir, "server.port=0", "atelier.credits.welcome-credits=1000",
                        "atelier.scheduler.polling-interval=200ms", "atelier.scheduler.heartbeat-interval=250ms",
                        "atelier.scheduler.missed-heartbeats=4", "atelier.scheduler.shutdown-wait=1s",
                        "server.shutdown=immediate")
                .run();
    }
}
