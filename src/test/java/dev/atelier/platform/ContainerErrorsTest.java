package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Requests Tomcat refuses before Atelier sees them, sent over a raw socket as an attacker would:
 * every answer is a problem document, with no server name, version or HTML. Plus the other leaks.
 */
@AtelierTest
class ContainerErrorsTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    Environment environment;

    @Test
    void headersOverEightKilobytesAreAProblem() throws IOException {
        assertProblem(raw("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n"), 400);
    }

    @Test
    void twoHundredHeadersAreAProblem() throws IOException {
        StringBuilder request = new StringBuilder("GET /api/v1/me HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 200; i++) {
            request.append("X-H").append(i).append(": ").append("v".repeat(30)).append("\r\n");
        }
        assertProblem(raw(request.append("\r\n").toString()), 400);
    }

    @Test
    void aTwentyKilobyteUrlIsAProblem() throws IOException {
        assertProblem(raw("GET /api/v1/models?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @Test
    void aNulInThePathIsAProblem() throws IOException {
        assertProblem(raw("GET /api/v1/%00/me HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @Test
    void aNegativeContentLengthIsAProblem() throws IOException {
        assertProblem(raw("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n"
                + "Content-Type: application/json\r\n\r\n{}"), 400);
    }

    @Test
    void anUnknownTransferEncodingIsAProblem() throws IOException {
        assertProblem(raw("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: banana\r\n"
                + "Content-Type: application/json\r\n\r\n{}"), 501);
    }

    @Test
    void getErrorIsNotFound() {
        Api.Response error = api.get("/error").send();

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void operationalEndpointsBesideHealthAreForAdminsOnly() {
        assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator").send().status()).isEqualTo(401);
        TestUsers.TestUser user = users.signUp();
        assertThat(api.get("/actuator/prometheus").bearer(user.accessToken()).send().status()).isEqualTo(403);
        TestUsers.TestUser admin = users.admin();

        Api.Response metrics = api.get("/actuator/prometheus").bearer(admin.accessToken()).send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes")
                .doesNotContain(environment.getProperty("atelier.data-dir")).doesNotContain("path=\"/");
        String scraper = users.apiKey(admin, "metrics:read");
        assertThat(api.get("/actuator/prometheus").bearer(scraper).send().status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").bearer(users.apiKey(admin, "generate")).send().status())
                .isEqualTo(403);
    }

    private static void assertProblem(String response, int status) {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        String lower = response.toLowerCase();
        assertThat(lower).contains("content-type: application/problem+json");
        assertThat(lower).doesNotContain("<html").doesNotContain("tomcat").doesNotContain("server:");
        assertThat(response).contains("\"status\":" + status).contains("\"code\":");
    }

    private String raw(String request) throws IOException {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before everything was sent
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    response.write(buffer, 0, n);
                    if (complete(response.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (IOException e) {
                // connection reset after the answer
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        var matcher = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
        return matcher.find() && text.length() - end - 4 >= Integer.parseInt(matcher.group(1));
    }
}
