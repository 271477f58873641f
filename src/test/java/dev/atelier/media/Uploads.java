package dev.atelier.media;

import dev.atelier.test.Api;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Multipart uploads as a browser or curl sends them. */
public final class Uploads {

    private Uploads() {
    }

    public static Api.Response upload(Api api, String token, String fileName, byte[] bytes) {
        String boundary = "----atelier" + UUID.randomUUID();
        return api.post("/api/v1/uploads").bearer(token)
                .body("multipart/form-data; boundary=" + boundary,
                        HttpRequest.BodyPublishers.ofByteArray(body(boundary, fileName, "image/png", bytes)))
                .send();
    }

    public static Api.Response upload(Api api, String token, String fileName, Path file) {
        return upload(api, token, fileName, read(file));
    }

    public static Api.Response upload(Api api, String token, Path file) {
        return upload(api, token, file.getFileName().toString(), read(file));
    }

    /** The same, sent chunked: no Content-Length, so only the streaming checks can stop it. */
    public static Api.Response uploadChunked(Api api, String token, String fileName, byte[] bytes) {
        String boundary = "----atelier" + UUID.randomUUID();
        byte[] body = body(boundary, fileName, "application/octet-stream", bytes);
        return api.post("/api/v1/uploads").bearer(token)
                .body("multipart/form-data; boundary=" + boundary,
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .send();
    }

    public static byte[] body(String boundary, String fileName, String declaredType, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + declaredType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
