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
 * handler. Bodies are already capped by the JSON body limit; multipart uploads are never buffered
 * (they are streamed to storage), so for them only the declared length goes into the fingerprint.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean streamed;

    private CachedBodyRequest(HttpServletRequest request, byte[] body, boolean streamed) {
        super(request);
        this.body = body;
        this.streamed = streamed;
    }

    static CachedBodyRequest of(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            return new CachedBodyRequest(request, null, true);
        }
        return new CachedBodyRequest(request, request.getInputStream().readAllBytes(), false);
    }

    byte[] bodyOrLength() {
        return streamed ? ("multipart:" + getContentLengthLong()).getBytes(StandardCharsets.UTF_8) : body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (streamed) {
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
        if (streamed) {
            return super.getReader();
        }
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
