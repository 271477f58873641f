package dev.atelier.platform.web;

import dev.atelier.platform.ApiException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON body, once read, is walked for text Atelier refuses ({@link Text}): in strings, map
 * keys and values, lists and records, however deep. One refused character is 400
 * {@code invalid_text} naming the field ({@code params.style}, {@code scopes[1]}) before any
 * controller or validation runs, so no endpoint has to think of NUL or unpaired surrogates and
 * none can reach the database with them.
 */
@ControllerAdvice
class TextBodyAdvice extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 64;

    // per record type, looked up once: Class.getRecordComponents() makes new component objects on
    // every call, and every JSON request body is walked (issue 16: 0.7 % of the JVM's CPU under submits)
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    // read() then answers null, as it did when this failed on every read
                }
                components.add(new Component(component.getName(), accessor));
            }
            return List.copyOf(components);
        }
    };

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    static void check(Object value, String field, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case CharSequence text -> {
                if (!Text.acceptable(text)) {
                    throw refused(field.isEmpty() ? "body" : field, text);
                }
            }
            case Map<?, ?> map -> map.forEach((key, item) -> {
                String name = String.valueOf(key);
                if (!Text.acceptable(name)) {
                    throw refused(join(field, "(key)"), name);
                }
                check(item, join(field, name), depth + 1);
            });
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) {
                    check(item, field + "[" + i++ + "]", depth + 1);
                }
            }
            case Object[] items -> {
                for (int i = 0; i < items.length; i++) {
                    check(items[i], field + "[" + i + "]", depth + 1);
                }
            }
            case Record record -> {
                for (Component component : COMPONENTS.get(record.getClass())) {
                    check(component.read(record), join(field, component.name()), depth + 1);
                }
            }
            default -> { } // numbers, booleans, UUIDs, instants: no text of the caller's inside
        }
    }

    /** A record component's name and accessor. */
    private record Component(String name, Method accessor) {
        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return null;
            }
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static ApiException refused(String field, CharSequence text) {
        return ApiException.badRequest("invalid_text", field + " contains a character Atelier does not accept ("
                        + Text.describe(text) + "): NUL, control characters and unpaired surrogates are refused")
                .with("field", field);
    }
}
