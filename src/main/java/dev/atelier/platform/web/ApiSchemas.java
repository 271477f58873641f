package dev.atelier.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two rules for every schema made from a Java type, so new modules get them for free:
 * <ul>
 * <li>a record component of a primitive type ({@code long}, {@code boolean}) is always in the JSON,
 * so it is {@code required};
 * <li>two different types must not share a schema name (springdoc names schemas by simple class
 * name, and three records called {@code Change} once became one schema with the fields of one of
 * them). A clash is recorded here and reported by the description ({@code x-schema-name-clashes})
 * and by the tests; fix it with {@code @Schema(name = "...")} on one of the types.
 * </ul>
 */
@Component
class ApiSchemas implements ModelConverter, PropertyCustomizer {

    private final Map<String, String> typesByName = new ConcurrentHashMap<>();
    private final Set<String> clashes = new TreeSet<>();

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema schema = chain.next().resolve(type, context, chain);
        if (schema == null || type.getType() == null) {
            return schema;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (!raw.isPrimitive() && !raw.isEnum() && !raw.isArray() && !raw.getName().startsWith("java.")
                && !java.util.Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)
                && (schema.get$ref() != null || schema.getProperties() != null)) {
            String name = TypeNameResolver.std.nameForType(javaType);
            String previous = typesByName.putIfAbsent(name, javaType.toCanonical());
            if (previous != null && !previous.equals(javaType.toCanonical())) {
                synchronized (clashes) {
                    clashes.add(name + ": " + previous + " and " + javaType.toCanonical());
                }
            }
        }
        if (raw.isRecord() && schema.getProperties() != null) {
            requirePrimitives(schema, raw);
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void requirePrimitives(Schema schema, Class<?> record) {
        List<String> required = schema.getRequired() == null ? new ArrayList<>() : new ArrayList<>(schema.getRequired());
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isPrimitive() && schema.getProperties().containsKey(component.getName())
                    && !required.contains(component.getName())) {
                required.add(component.getName());
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    /** A primitive property is always in the JSON: required in its parent object. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        Schema parent = type.getParent();
        if (parent != null && type.getPropertyName() != null && type.getType() != null
                && Json.mapper().constructType(type.getType()).isPrimitive()) {
            List<String> required = parent.getRequired() == null ? new ArrayList<>() : new ArrayList<>(parent.getRequired());
            if (!required.contains(type.getPropertyName())) {
                required.add(type.getPropertyName());
                parent.setRequired(required);
            }
        }
        return property;
    }

    int seen() {
        return typesByName.size();
    }

    List<String> clashes() {
        synchronized (clashes) {
            return List.copyOf(clashes);
        }
    }
}
