package dev.atelier.platform.web;

import dev.atelier.platform.ApiException;
import dev.atelier.platform.PlatformProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A minimum data rate and a total time for every request body (JSON and uploads alike): a client
 * that trickles a byte every few seconds would otherwise hold a request thread, its buffers and an
 * upload slot for as long as it likes. After a grace of {@value #GRACE_SECONDS} s the body must have
 * averaged {@code atelier.body-min-rate} per second since it began, and it must be complete within
 * {@code atelier.body-max-time}; otherwise reading it fails with 408 {@code request_too_slow} and the
 * connection is closed. A read that blocks with nothing arriving is ended by Tomcat's connection
 * timeout ({@code server.tomcat.connection-timeout}), after which the next read fails here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodyRateFilter extends OncePerRequestFilter {

    static final long GRACE_SECONDS = 10;
    private final long minBytesPerSecond;
    private final Duration maxTime;

    BodyRateFilter(PlatformProperties properties) {
        this.minBytesPerSecond = properties.bodyMinRate().toBytes();
        this.maxTime = properties.bodyMaxTime();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Guarded(request, System.nanoTime()), response);
    }

    private final class Guarded extends HttpServletRequestWrapper {

        private final long started;
        private ServletInputStream stream;

        Guarded(HttpServletRequest request, long started) {
            super(request);
            this.started = started;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new RateGuard(super.getInputStream(), started);
            }
            return stream;
        }
    }

    private final class RateGuard extends ServletInputStream {

        private final ServletInputStream in;
        private final long started;
        private long count;

        RateGuard(ServletInputStream in, long started) {
            this.in = in;
            this.started = started;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            check(b < 0 ? 0 : 1, b < 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            check(Math.max(0, n), n < 0);
            return n;
        }

        private void check(int read, boolean ended) {
            count += read;
            if (ended) {
                return;
            }
            long elapsedNanos = System.nanoTime() - started;
            double seconds = elapsedNanos / 1e9;
            if (elapsedNanos > maxTime.toNanos()
                    || (seconds > GRACE_SECONDS && count < minBytesPerSecond * seconds)) {
                throw new ApiException(HttpStatus.REQUEST_TIMEOUT, "request_too_slow",
                        "The request body arrived too slowly (" + count + " bytes in " + Math.round(seconds)
                                + " s; at least " + minBytesPerSecond + " bytes a second are needed)")
                        .header("Connection", "close");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
