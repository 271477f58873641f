package dev.atelier.platform.web;

import dev.atelier.platform.RequestIds;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Some requests never reach the application: Tomcat refuses a path it cannot decode (an encoded NUL,
 * {@code %zz}) before any filter runs, and answers with its own HTML page. This replaces that page
 * with a problem document like every other error ({@code code} {@code malformed_request} for a 400,
 * a new {@code requestId} echoed as {@code X-Request-Id}), so no client ever has to parse HTML.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report valve, writing a problem document instead of HTML. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status == 400 ? "malformed_request"
                    : known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String id = RequestIds.acceptOrCreate(null);
            String body = "{\"type\":\"https://atelier.dev/problems/" + code.replace('_', '-') + "\",\"title\":\""
                    + title + "\",\"status\":" + status + ",\"detail\":\"The server could not read this request "
                    + "(its target or headers are malformed)\",\"code\":\"" + code + "\",\"requestId\":\"" + id
                    + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.setHeader(RequestIds.HEADER, id);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
