package dev.atelier.compat.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Speaks OpenAI's error dialect on {@code /v1/**}: every problem document Atelier writes there (from
 * the security chain, the idempotency filter, validation or a controller) is turned into
 * {@code {"error": {"message", "type", "param", "code"}}} with OpenAI's status for it. One
 * translation at the edge instead of a second error path: only a response whose content type is
 * {@code application/problem+json} is held back (it is small); anything else streams through.
 */
class OpenAiErrors extends OncePerRequestFilter {

    private final ObjectMapper json;

    OpenAiErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemCatcher caught = new ProblemCatcher(response);
        try {
            chain.doFilter(request, caught);
        } finally {
            if (caught.problem != null) {
                write(response, caught.getStatus(), caught.problem.toByteArray());
            }
        }
    }

    private void write(HttpServletResponse response, int status, byte[] problemBody) throws IOException {
        JsonNode problem = json.readTree(problemBody);
        String code = problem.path("code").asString(null);
        Translated error = translate(status, code);
        OpenAiError body = new OpenAiError(
                error.message() != null ? error.message() : problem.path("detail").asString(""),
                error.type(), param(problem), error.code());
        response.setStatus(error.status());
        if (error.status() != status && status == 402) {
            response.setHeader("x-should-retry", "false"); // paying is the user's move, not a retry's
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] out = json.writeValueAsBytes(new ErrorBody(body));
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }

    /** OpenAI's error: {@code param} and {@code code} are present even when null, as OpenAI sends them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OpenAiError(String message, String type, String param, String code) {
    }

    record ErrorBody(OpenAiError error) {
    }

    record Translated(int status, String type, String code, String message) {
    }

    /** OpenAI's statuses and types; the code stays Atelier's except where OpenAI's is well known. */
    static Translated translate(int status, String code) {
        return switch (status) {
            case 401 -> new Translated(401, "invalid_request_error",
                    "unauthenticated".equals(code) || code == null ? "invalid_api_key" : code, null);
            case 402 -> new Translated(429, "insufficient_quota", "insufficient_quota",
                    "You do not have enough credits for this request. Add credits and try again.");
            case 403 -> new Translated(403, "permission_error", code, null);
            case 404 -> new Translated(404, "invalid_request_error", code, null);
            case 409 -> new Translated(409, "invalid_request_error", code, null);
            case 413, 415, 422 -> new Translated(400, "invalid_request_error", code, null);
            case 429 -> new Translated(429, "requests", code, null);
            default -> status >= 500
                    ? new Translated(status, "server_error", code, null)
                    : new Translated(status, "invalid_request_error", code, null);
        };
    }

    /** The field at fault, when the problem names one: OpenAI's {@code param}. */
    private static String param(JsonNode problem) {
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            for (String name : new String[] {"field", "path", "param"}) {
                if (first.hasNonNull(name)) {
                    return first.get(name).asString();
                }
            }
        }
        return problem.hasNonNull("param") ? problem.get("param").asString() : null;
    }

    /** Passes everything through until a problem document starts; that one is kept for translation. */
    private static final class ProblemCatcher extends HttpServletResponseWrapper {
        private ByteArrayOutputStream problem;

        ProblemCatcher(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            if (isProblem(type)) {
                problem = new ByteArrayOutputStream();
            } else {
                super.setContentType(type);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                setContentType(value);
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                setContentType(value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (problem == null) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (problem == null) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (problem == null) {
                return super.getOutputStream();
            }
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    problem.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    problem.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("problem documents are written blocking");
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (problem == null) {
                return super.getWriter();
            }
            return new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (problem == null) {
                super.flushBuffer();
            }
        }

        private static boolean isProblem(String type) {
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
        }
    }
}
