package dev.atelier.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile requests for every operation of an API description. Each request carries one hostile
 * element and is otherwise plausible: path ids that exist for nobody (or for another user), a body
 * with the required fields filled in from the schema. A request that changes nothing however it is
 * answered: a hostile header or query value goes with an empty JSON object as body.
 */
final class HostileRequests {

    record Probe(String method, byte[] target, List<String[]> headers, byte[] body, String what) {
        String describe() {
            return method + " " + abbreviated(new String(target, StandardCharsets.ISO_8859_1)) + " [" + what + "]";
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String MARK = "__hostile__";

    /** Raw, already as they go on the wire: percent-encoded (or not, on purpose). */
    private static final List<String> SEGMENTS = List.of("-1", "0", "99999999999999999999999999", "1e309",
            "x".repeat(2000), "%00", "a%00b", "%zz", "%", "a%2", "%ED%A0%80", "%C3%28", "%FF%FE", "%01%1F%7F",
            "null", "%7B%7D", "%5B%5D", "%20", "true", "..", "%2E%2E", "%3Cscript%3E");
    private static final List<String> QUERY_VALUES = List.of("", "-1", "0", "99999999999999999999999999", "1e309",
            "1.5", "banana", "x".repeat(5000), "%00", "a%00b", "%zz", "%", "a%2", "%ED%A0%80", "%C3%28", "%FF",
            "%01%07%1B", "%7F", "%EF%BF%BE", "+", "%2B%2B", "%3Cscript%3E");
    private static final List<String> MALFORMED_QUERIES = List.of("%zz=1", "a%=1", "%00=1", "x=%", "x=%E0%A4%A",
            "x=%C0%AF", "=", "=1", "x=1&x=2&x=%00", "x=1&".repeat(300));
    private static final List<String> HEADER_VALUES = List.of("", " ", "x".repeat(3000), "-1",
            "99999999999999999999", "\u00e9\u00ff", "bytes=999999999999-", "bytes=-0", "bytes=5-1", "bytes=0-0,0-0,0-0",
            "*", "W/\"x\"", "\"" + "x".repeat(1000) + "\"");

    private final JsonNode docs;
    private final ObjectMapper json;
    private final List<String> othersIds;
    private final String ownerToken;
    private final String adminToken;

    HostileRequests(JsonNode docs, ObjectMapper json, List<String> othersIds, String ownerToken, String adminToken) {
        this.docs = docs;
        this.json = json;
        this.othersIds = othersIds;
        this.ownerToken = ownerToken;
        this.adminToken = adminToken;
    }

    List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                probes.addAll(forOperation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        return probes;
    }

    private List<Probe> forOperation(String method, String template, JsonNode operation) {
        List<Probe> probes = new ArrayList<>();
        String access = operation.path("x-atelier-access").asString("caller");
        List<String[]> auth = switch (access) {
            case "public" -> List.of();
            case "admin" -> List.<String[]>of(new String[] {"Authorization", "Bearer " + adminToken});
            default -> List.<String[]>of(new String[] {"Authorization", "Bearer " + ownerToken});
        };
        Map<String, String> pathValues = new java.util.LinkedHashMap<>();
        List<JsonNode> queries = new ArrayList<>();
        List<JsonNode> headers = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = resolve(parameter);
            switch (p.path("in").asString()) {
                case "path" -> pathValues.put(p.path("name").asString(), baselineSegment(p));
                case "query" -> queries.add(p);
                case "header" -> headers.add(p);
                default -> { }
            }
        }
        Body body = body(operation);
        byte[] baseline = body == null ? null : body.baseline;
        byte[] empty = body == null ? null : body.emptyish();
        List<String[]> withType = body == null ? auth : with(auth, "Content-Type", body.contentType);

        // path: every hostile segment and every id of another user in each path parameter
        for (String name : pathValues.keySet()) {
            List<String> values = new ArrayList<>(SEGMENTS);
            values.addAll(othersIds);
            for (String value : values) {
                Map<String, String> path = new java.util.LinkedHashMap<>(pathValues);
                path.put(name, value);
                probes.add(new Probe(method, target(template, path, null), withType, baseline, "path " + name));
            }
        }
        // query: every hostile value in each query parameter, and malformed query strings anywhere
        for (JsonNode query : queries) {
            String name = query.path("name").asString();
            List<String> values = new ArrayList<>(QUERY_VALUES);
            values.addAll(othersIds);
            for (String value : values) {
                probes.add(new Probe(method, target(template, pathValues, name + "=" + value), withType, empty,
                        "query " + name));
            }
        }
        for (String query : MALFORMED_QUERIES) {
            probes.add(new Probe(method, target(template, pathValues, query), withType, baseline, "malformed query"));
        }
        // headers: every hostile value in each header parameter
        for (JsonNode header : headers) {
            String name = header.path("name").asString();
            for (String value : HEADER_VALUES) {
                probes.add(new Probe(method, target(template, pathValues, null), with(withType, name, value), empty,
                        "header " + name));
            }
        }
        // credentials that are not
        if (!"public".equals(access)) {
            for (String credential : List.of("Bearer x.y.z", "Bearer " + "a".repeat(3000), "Basic YTpi", "Bearer",
                    "Bearer atl_" + "0".repeat(40))) {
                List<String[]> bad = new ArrayList<>(withType.stream().filter(h -> !h[0].equals("Authorization")).toList());
                bad.add(new String[] {"Authorization", credential});
                probes.add(new Probe(method, target(template, pathValues, null), bad, baseline, "credentials"));
            }
        }
        if ("admin".equals(access)) {
            probes.add(new Probe(method, target(template, pathValues, null),
                    with(withType, "Authorization", "Bearer " + ownerToken), baseline, "not an admin"));
        }
        // body: each field, the whole body, the content type
        if (body != null) {
            String path = new String(target(template, pathValues, null), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, byte[]> hostile : body.hostile().entrySet()) {
                probes.add(new Probe(method, bytes(path), withType, hostile.getValue(), "body " + hostile.getKey()));
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/octet-stream", "multipart/form-data")) {
                probes.add(new Probe(method, bytes(path), with(auth, "Content-Type", type), baseline,
                        "content type " + type));
            }
            probes.add(new Probe(method, bytes(path), auth, baseline, "no content type"));
        }
        return probes;
    }

    private static List<String[]> with(List<String[]> headers, String name, String value) {
        List<String[]> all = new ArrayList<>();
        for (String[] header : headers) {
            if (!header[0].equalsIgnoreCase(name)) {
                all.add(header);
            }
        }
        all.add(new String[] {name, value});
        return all;
    }

    private static byte[] target(String template, Map<String, String> path, String query) {
        String target = template;
        for (Map.Entry<String, String> value : path.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        return bytes(query == null ? target : target + "?" + query);
    }

    private String baselineSegment(JsonNode parameter) {
        JsonNode schema = resolve(parameter.path("schema"));
        return "uuid".equals(schema.path("format").asString()) ? UUID.randomUUID().toString() : "nope";
    }

    // ---- bodies

    private final class Body {
        final String contentType;
        final JsonNode schema;
        final byte[] baseline;
        final boolean multipart;

        Body(String contentType, JsonNode schema) {
            this.contentType = contentType;
            this.schema = schema;
            this.multipart = contentType.startsWith("multipart/");
            this.baseline = multipart ? multipartBody("x.png", bytes("not an image")) : bytes(sample(schema).toString());
        }

        byte[] emptyish() {
            return multipart ? bytes("--b--\r\n") : bytes("{}");
        }

        Map<String, byte[]> hostile() {
            Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
            if (multipart) {
                bodies.put("junk", bytes("junk"));
                bodies.put("file name with NUL", multipartBody("a\u0000b.png", bytes("x")));
                bodies.put("file name with controls", multipartBody("a\u0001\u001b.png", bytes("x")));
                bodies.put("overlong file name", multipartBody("x".repeat(5000) + ".png", bytes("x")));
                bodies.put("not UTF-8 file name", multipartBytes(new byte[] {(byte) 0xff, (byte) 0xfe, '.', 'p'},
                        bytes("x")));
                bodies.put("unterminated", bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.png\"\r\n\r\nabc"));
                return bodies;
            }
            bodies.put("empty", new byte[0]);
            for (String raw : List.of("{", "[]", "null", "\"x\"", "1", "true", "{}x", "{\"a\":", "{\"a\" 1}",
                    "[".repeat(5000), "{\"a\":".repeat(3000), "\"\\ud800\"", "{\"\\u0000\":1}")) {
                bodies.put("whole body " + abbreviated(raw), bytes(raw));
            }
            ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
            notUtf8.writeBytes(bytes("{\"a\":\""));
            notUtf8.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28});
            notUtf8.writeBytes(bytes("\"}"));
            bodies.put("not UTF-8", notUtf8.toByteArray());
            fields(schema, "", sample(schema), bodies, 0);
            return bodies;
        }

        /** For each property: the baseline with that one property hostile. */
        private void fields(JsonNode objectSchema, String prefix, JsonNode baselineAtLevel, Map<String, byte[]> bodies,
                int depth) {
            JsonNode properties = resolve(objectSchema).path("properties");
            Set<String> required = names(resolve(objectSchema).path("required"));
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String field = prefix + property.getKey();
                JsonNode fieldSchema = resolve(property.getValue());
                for (String raw : hostileValues(fieldSchema, required.contains(property.getKey()))) {
                    bodies.put(field + " = " + abbreviated(raw), replaced(field, raw));
                }
                if (depth < 1 && fieldSchema.has("properties")) {
                    fields(fieldSchema, field + ".", sample(fieldSchema), bodies, depth + 1);
                }
            }
        }

        /** The baseline with {@code field} (a dotted path) set to the raw JSON {@code raw}. */
        private byte[] replaced(String field, String raw) {
            ObjectNode copy = (ObjectNode) sample(schema);
            String[] parts = field.split("\\.");
            ObjectNode at = copy;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(at.get(parts[i]) instanceof ObjectNode)) {
                    at.set(parts[i], json.createObjectNode());
                }
                at = (ObjectNode) at.get(parts[i]);
            }
            at.put(parts[parts.length - 1], MARK);
            return bytes(copy.toString().replace("\"" + MARK + "\"", raw));
        }
    }

    private Body body(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        Iterator<String> types = content.propertyNames().iterator();
        String type = types.next();
        if (content.has("application/json")) {
            type = "application/json";
        }
        String contentType = type.startsWith("multipart/") ? type + "; boundary=b" : type;
        return new Body(contentType, content.path(type).path("schema"));
    }

    private static byte[] multipartBody(String fileName, byte[] content) {
        return multipartBytes(fileName.getBytes(StandardCharsets.UTF_8), content);
    }

    private static byte[] multipartBytes(byte[] fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\""));
        out.writeBytes(fileName);
        out.writeBytes(bytes("\"\r\nContent-Type: image/png\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(bytes("\r\n--b--\r\n"));
        return out.toByteArray();
    }

    // ---- values

    private List<String> hostileValues(JsonNode schema, boolean required) {
        List<String> values = new ArrayList<>();
        if (required) {
            values.add("null");
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                values.addAll(List.of("12345", "true", "[]", "{}", "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"",
                        "\"\\u0001\\u0007\\u001b\"", "\"\\u007f\""));
                long max = schema.path("maxLength").asLong(200_000);
                values.add("\"" + "x".repeat((int) Math.min(max + 1, 200_001)) + "\"");
                if (schema.has("enum")) {
                    values.add("\"banana\"");
                }
                if ("uuid".equals(schema.path("format").asString())) {
                    values.add("\"not-a-uuid\"");
                    othersIds.forEach(id -> values.add("\"" + id + "\""));
                }
                if ("date-time".equals(schema.path("format").asString())) {
                    values.addAll(List.of("\"2020-13-45T99:00:00Z\"", "\"-999999999-01-01T00:00:00Z\""));
                }
            }
            case "integer", "number" -> {
                values.addAll(List.of("\"12\"", "true", "[]", "{}", "1e400", "-1e400", "99999999999999999999999999",
                        "-99999999999999999999999999", "1" + "0".repeat(2000), "0.000000000000000000001"));
                if ("integer".equals(type)) {
                    values.add("1.5");
                }
                if (schema.has("minimum")) {
                    values.add(schema.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE).toPlainString());
                }
                if (schema.has("maximum")) {
                    values.add(schema.path("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString());
                }
            }
            case "boolean" -> values.addAll(List.of("\"true\"", "1", "0", "\"x\"", "[]", "{}"));
            case "array" -> {
                JsonNode items = resolve(schema.path("items"));
                values.addAll(List.of("\"x\"", "1", "{}", "[[]]", "[null]", "[\"\\u0000\"]", "[\"\\ud800\"]", "[12]"));
                othersIds.forEach(id -> values.add("[\"" + id + "\"]"));
                int many = (int) Math.min(schema.path("maxItems").asLong(10_000) + 1, 10_001);
                String item = sample(items).toString();
                values.add("[" + String.join(",", java.util.Collections.nCopies(many, item)) + "]");
            }
            case "object" -> {
                values.addAll(List.of("\"x\"", "1", "[]", "{\"\\u0000\":1}", "{\"k\":\"\\u0000\"}",
                        "{\"k\":\"\\ud800\"}", "{\"k\":{\"k\":\"\\u0001\"}}", "{\"k\":[\"\\u0000\"]}"));
                if (!schema.has("properties")) {
                    int many = (int) Math.min(schema.path("maxProperties").asLong(10_000) + 1, 10_001);
                    StringBuilder map = new StringBuilder("{");
                    for (int i = 0; i < many; i++) {
                        map.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
                    }
                    values.add(map.append('}').toString());
                }
            }
            default -> values.addAll(List.of("\"\\u0000\"", "\"\\ud800\"", "1e400"));
        }
        return values;
    }

    /** A plausible value: the required fields filled in, from examples, enums and formats. */
    private JsonNode sample(JsonNode schemaOrRef) {
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "string" -> json.getNodeFactory().stringNode(switch (schema.path("format").asString()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date-time" -> "2999-01-01T00:00:00Z";
                case "email" -> "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@test.atelier";
                default -> "x".repeat((int) Math.max(schema.path("minLength").asLong(0), 12));
            });
            case "integer", "number" -> json.getNodeFactory().numberNode(schema.has("minimum")
                    ? schema.path("minimum").decimalValue().max(java.math.BigDecimal.ONE) : java.math.BigDecimal.ONE);
            case "boolean" -> json.getNodeFactory().booleanNode(false);
            case "array" -> {
                var array = json.createArrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    array.add(sample(schema.path("items")));
                }
                yield array;
            }
            default -> {
                ObjectNode object = json.createObjectNode();
                Set<String> required = names(schema.path("required"));
                schema.path("properties").properties().forEach(property -> {
                    if (required.contains(property.getKey())) {
                        object.set(property.getKey(), sample(property.getValue()));
                    }
                });
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = docs;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new java.util.HashSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
