package dev.atelier.media.storage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The s3mock exec jar (copied to {@code target/s3mock} by the build) run as a separate process,
 * once per test JVM: it takes some 10–20 s to start on two cores, so every class that needs it
 * shares one, and a shutdown hook stops it with the JVM.
 */
public final class S3MockServer {

    public static final String BUCKET = "atelier-test";
    private static S3MockServer shared;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static S3MockServer start() {
        String jar = System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar");
        try {
            Path root = Files.createTempDirectory("s3mock-");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            int httpPort = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-jar", jar,
                    "--server.port=0", // the HTTPS connector, unused
                    "--http.port=" + httpPort,
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.max-payload-size=64MB",
                    "--silent=true"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            S3MockServer server = new S3MockServer(process, httpPort);
            HttpClient http = HttpClient.newHttpClient();
            await("s3mock on port " + httpPort + " (log: " + log + ")")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("s3mock exited; see " + log);
                        }
                        return http.send(HttpRequest.newBuilder(server.endpoint().resolve("/" + BUCKET)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
