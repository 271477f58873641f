package dev.atelier.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it refuses before Atelier sees it: headers or URL too
 * long, too many headers, {@code %00} in the path, a negative {@code Content-Length}, an unknown
 * {@code Transfer-Encoding}) as {@code application/problem+json} like every other error, instead of
 * Tomcat's HTML page; no server name, version or stack trace. Replaces the host's ErrorReportValve.
 */
public class ContainerProblemValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerProblemValve.class);

    public ContainerProblemValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = known == null ? "error" : known.name().toLowerCase();
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "Something went wrong on our side; quote the request id when reporting it"
                : "The request could not be read: " + title.toLowerCase();
        String requestId = UUID.randomUUID().toString();
        String body = "{\"type\":\"https://atelier.dev/problems/" + code.replace('_', '-') + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code
                + "\",\"requestId\":\"" + requestId + "\"}";
        try {
            response.resetBuffer();
            response.setHeader("X-Request-Id", requestId);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the container's error response", e);
        }
    }
}
