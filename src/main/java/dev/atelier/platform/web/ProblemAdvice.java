package dev.atelier.platform.web;

import jakarta.validation.ConstraintViolationException;
import dev.atelier.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place exceptions become problem responses. Spring's own MVC errors keep their
 * status and get a stable {@code code}; anything unexpected is a logged 500 that shows the
 * caller nothing of the inside (no stack traces, no SQL).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).headers(e.headers()).body(Problems.of(e, request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You may not do this", request));
    }

    /**
     * Bean Validation on a {@code @Validated} controller's parameters (method validation through a
     * proxy rather than MVC's own): the caller's input, said like every other invalid field.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(violation -> Map.of("field", parameterName(violation.getPropertyPath().toString()),
                        "message", String.valueOf(violation.getMessage())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed",
                "The request has invalid fields", request);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** {@code frame.atMs} (method.parameter) names the parameter {@code atMs}. */
    private static String parameterName(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Tomcat refusing the parameters only when they are first read: the caller's doing, not ours
            if (t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid_parameter",
                        "The query string or form is malformed", request));
            }
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; quote the request id when reporting it", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemAdvice::fieldError).toList();
        return validationFailed(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName() == null
                                ? "" : result.getMethodParameter().getParameterName(),
                        "code", codeOf(error.getCodes()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return validationFailed(errors, headers, request);
    }

    private ResponseEntity<Object> validationFailed(List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed",
                "The request has invalid fields", servlet(request));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "code", codeOf(error.getCodes()),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    /** The constraint as a stable code: {@code NotBlank} is {@code not_blank}, {@code Size} {@code size}. */
    private static String codeOf(String[] codes) {
        if (codes == null || codes.length == 0) {
            return "invalid";
        }
        String last = codes[codes.length - 1];
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A query or path value of the wrong type ({@code limit=abc}, an id that is no UUID), naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : String.valueOf(e.getPropertyName());
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid_parameter",
                name + " is not a valid " + expected, servlet(request));
        problem.setProperty("parameter", name);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLarge(e)) {
            BodyTooLargeException tooLarge = (BodyTooLargeException) findTooLarge(e);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
                    Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", tooLarge.getMessage(), servlet(request)));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed_body",
                "The request body is missing or is not valid JSON of the expected shape", servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, codeOf(e, status), detailOf(e, body), servlet(request));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static String codeOf(Exception e, HttpStatusCode status) {
        return switch (e) {
            case NoResourceFoundException ignored -> "not_found";
            case HttpRequestMethodNotSupportedException ignored -> "method_not_allowed";
            case HttpMediaTypeNotSupportedException ignored -> "unsupported_media_type";
            case HttpMediaTypeNotAcceptableException ignored -> "not_acceptable";
            case MissingServletRequestParameterException ignored -> "missing_parameter";
            case MissingServletRequestPartException ignored -> "missing_parameter";
            case MissingRequestHeaderException ignored -> "missing_header";
            case TypeMismatchException ignored -> "invalid_parameter";
            case MaxUploadSizeExceededException ignored -> "file_too_large";
            default -> HttpStatus.resolve(status.value()) instanceof HttpStatus known
                    ? known.name().toLowerCase() : "error";
        };
    }

    private static String detailOf(Exception e, Object body) {
        if (e instanceof NoResourceFoundException) {
            return "There is nothing at this path";
        }
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            return problem.getDetail();
        }
        return e.getMessage();
    }

    private static boolean causedByTooLarge(Throwable e) {
        return findTooLarge(e) != null;
    }

    private static Throwable findTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return t;
            }
        }
        return null;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }
}
