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
import org.springframework.http.MediaType;

/**
 * A request under an {@code Idempotency-Key}, with what its body contributes to the fingerprint.
 * JSON bodies (capped by the JSON body limit) are read up front and are their own fingerprint.
 * Multipart uploads are never buffered: the body is hashed as the handler streams it (with the
 * multipart boundary left out, since every client picks its own), and a repeat whose first
 * request is done is hashed by reading it, at most as long as the first body. Form posts are left
 * to the container to parse and their parameters are the fingerprint.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final byte[] fingerprint;
    private final BoundaryBlindDigest streamDigest;
    private HashingStream stream;

    private CachedBodyRequest(HttpServletRequest request, byte[] body, byte[] fingerprint,
            BoundaryBlindDigest streamDigest) {
        super(request);
        this.body = body;
        this.fingerprint = fingerprint;
        this.streamDigest = streamDigest;
    }

    static CachedBodyRequest of(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("multipart/")) {
            String boundary;
            try {
                boundary = MediaType.parseMediaType(request.getContentType()).getParameter("boundary");
            } catch (IllegalArgumentException e) {
                boundary = null;
            }
            byte[] pattern = boundary == null ? new byte[0] : boundary.getBytes(StandardCharsets.ISO_8859_1);
            return new CachedBodyRequest(request, null, null, new BoundaryBlindDigest(pattern));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder("form:");
            new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) ->
                    form.append(name).append('=').append(String.join("\u0000", values)).append('\n'));
            return new CachedBodyRequest(request, null, form.toString().getBytes(StandardCharsets.UTF_8), null);
        }
        byte[] body = request.getInputStream().readAllBytes();
        return new CachedBodyRequest(request, body, body, null);
    }

    /** The body's part of the fingerprint when known before the handler runs, else null (a stream). */
    byte[] knownPart() {
        return fingerprint;
    }

    boolean streamed() {
        return streamDigest != null;
    }

    /** A streamed body's digest once the handler read all of it; null if it stopped short. */
    byte[] streamedPart() {
        return stream != null && stream.ended ? stream.digest : null;
    }

    long streamedLength() {
        return stream == null ? 0 : stream.count;
    }

    /** Reads what is left of a streamed body into its digest; null when it is longer than {@code maxBytes}. */
    byte[] readRest(long maxBytes) throws IOException {
        HashingStream in = (HashingStream) getInputStream();
        byte[] sink = new byte[64 * 1024];
        while (!in.ended) {
            if (in.read(sink, 0, sink.length) < 0) {
                break;
            }
            if (in.count > maxBytes) {
                return null;
            }
        }
        return in.digest;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (streamed()) {
            if (stream == null) {
                stream = new HashingStream(super.getInputStream(), streamDigest);
            }
            return stream;
        }
        if (body == null) {
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
        if (body == null) {
            return super.getReader();
        }
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    /** The body as the handler reads it, digested on the way; the digest is final at the end of the stream. */
    private static final class HashingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final BoundaryBlindDigest hash;
        private long count;
        private boolean ended;
        private byte[] digest;

        HashingStream(ServletInputStream in, BoundaryBlindDigest hash) {
            this.in = in;
            this.hash = hash;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
                digest = hash.finish();
            } else {
                count += n;
                hash.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return ended || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("uploads are read blocking");
        }
    }
}
