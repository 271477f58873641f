package dev.atelier.platform.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read up front so it can be fingerprinted and still be read by the
 * handler. Bodies are already capped by the JSON body limit. Multipart uploads are never buffered
 * (they are streamed to storage), so for them only the declared length goes into the fingerprint;
 * form posts are left to the container to parse and their parameters are the fingerprint.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final byte[] fingerprint;

    private CachedBodyRequest(HttpServletRequest request, byte[] body, byte[] fingerprint) {
        super(request);
        this.body = body;
        this.fingerprint = fingerprint;
    }

    static CachedBodyRequest of(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("multipart/")) {
            return new CachedBodyRequest(request, null, utf8("multipart:" + request.getContentLengthLong()));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder("form:");
            new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) ->
                    form.append(name).append('=').append(String.join("\u0000", values)).append('\n'));
            return new CachedBodyRequest(request, null, utf8(form.toString()));
        }
        byte[] body = request.getInputStream().readAllBytes();
        return new CachedBodyRequest(request, body, body);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    byte[] fingerprintPart() {
        return fingerprint;
    }

    private boolean streamed() {
        return body == null;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (streamed()) {
            return super.getInputStream();
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body was already read");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (streamed()) {
            return super.getReader();
        }
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
