package dev.atelier.platform.web;

import dev.atelier.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds RFC 9457 problem details the one way Atelier answers errors: {@code type}, {@code title},
 * {@code status}, {@code detail}, a stable {@code code} and the {@code requestId}. Also writes them
 * directly for code that runs outside MVC (servlet filters, the security chain).
 */
@Component
public class Problems {

    private static final String TYPE_BASE = "https://atelier.dev/problems/";
    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.replace('_', '-')));
        problem.setProperty("code", code);
        problem.setProperty("requestId", RequestIdFilter.of(request));
        return problem;
    }

    public static ProblemDetail of(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = of(e.status(), e.code(), e.getMessage(), request);
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Writes a problem straight to the response, for filters that run before MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(e.status().value());
        e.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = of(e, request);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
