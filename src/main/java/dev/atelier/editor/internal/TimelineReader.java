package dev.atelier.editor.internal;

import dev.atelier.editor.AudioRole;
import dev.atelier.editor.Fit;
import dev.atelier.editor.Font;
import dev.atelier.editor.Timeline;
import dev.atelier.editor.TransitionType;
import dev.atelier.platform.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a timeline document strictly: unknown members, strings where numbers belong, fractions in
 * millisecond fields and unknown names (fonts, transitions, …) are a 422 {@code invalid_timeline}
 * pointing at the member, like every other rule; a body that is not JSON at all is 400.
 */
@Component
class TimelineReader {

    private final ObjectReader reader;

    TimelineReader(ObjectMapper json) {
        this.reader = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build()
                .readerFor(Timeline.class);
    }

    Timeline read(String body) {
        if (body == null || body.isBlank()) {
            throw malformed();
        }
        try {
            Timeline timeline = reader.readValue(body);
            if (timeline == null) {
                throw InvalidTimeline.of(List.of(new TimelineProblem("$", "required", "The timeline is an object")));
            }
            return timeline;
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                throw malformed(); // a second value after the document: not one JSON value at all
            }
            throw InvalidTimeline.of(List.of(problem(e)));
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    private static TimelineProblem problem(MismatchedInputException e) {
        String path = path(e.getPath());
        return switch (e) {
            case UnrecognizedPropertyException u -> new TimelineProblem(path, "unknown_member",
                    "'" + u.getPropertyName() + "' is not part of the timeline document (schema version 1)");
            case InvalidFormatException f when f.getTargetType() == Font.class -> new TimelineProblem(path,
                    "unknown_font", "Unknown font; the bundled fonts are " + names(Font.values(), Font::value));
            case InvalidFormatException f when f.getTargetType() != null && f.getTargetType().isEnum() ->
                    new TimelineProblem(path, "invalid_value", "Must be one of " + allowed(f.getTargetType()));
            case InvalidFormatException f when f.getTargetType() == UUID.class -> new TimelineProblem(path,
                    "invalid_value", "Must be an asset id (a UUID)");
            default -> new TimelineProblem(path, "wrong_type", "Must be " + expected(e.getTargetType()));
        };
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String allowed(Class<?> type) {
        if (type == Fit.class) {
            return names(Fit.values(), Fit::value);
        }
        if (type == TransitionType.class) {
            return names(TransitionType.values(), TransitionType::value);
        }
        if (type == AudioRole.class) {
            return names(AudioRole.values(), AudioRole::value);
        }
        return "the documented values";
    }

    private static <E> String names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == UUID.class || type.isEnum()) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static ApiException malformed() {
        return ApiException.badRequest("malformed_body", "The request body is not a JSON timeline document");
    }
}
