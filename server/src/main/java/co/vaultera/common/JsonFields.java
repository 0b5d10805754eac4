package co.vaultera.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one JSON object of a request with exact types: no coercion (a number is not a string), and every error
 * names the field by its path, e.g. {@code address.city}. Absent and {@code null} read the same ({@code null}).
 * Lengths count Unicode code points, as JSON Schema's {@code maxLength} does.
 */
public final class JsonFields {

    /** Twelve or more digits, single spaces or dashes allowed between them: how card numbers are written. */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9](?:[ -]?[0-9]){11,}");

    private final ObjectNode node;
    private final String path;

    private JsonFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body, which must be a JSON object. */
    public static JsonFields body(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidBody("invalid type: " + describe(body) + ", expected a JSON object");
        }
        return new JsonFields((ObjectNode) body, "");
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /**
     * The field's value if it has the JSON type {@code isType} tests for, as {@code convert} makes it; {@code null}
     * when absent or null; else a type error naming {@code expected}. Every typed read goes through here.
     */
    private <T> T read(String field, Predicate<JsonNode> isType, String expected, Function<JsonNode, T> convert) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!isType.test(value)) {
            throw typeError(field, value, expected);
        }
        return convert.apply(value);
    }

    /** Rejects any key not in {@code allowed} (the reference's strict request types). */
    public JsonFields rejectUnknown(Collection<String> allowed) {
        return rejectUnknown(allowed, Set.of());
    }

    /** As {@link #rejectUnknown(Collection)}, letting {@code tolerated} keys pass too without offering them. */
    public JsonFields rejectUnknown(Collection<String> allowed, Collection<String> tolerated) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key) && !tolerated.contains(key)) {
                List<String> expected = new ArrayList<>(allowed);
                throw ApiException.invalidBody("unknown field `" + pathOf(echoable(key)) + "`, expected one of "
                        + String.join(", ", expected.stream().map(k -> "`" + k + "`").toList()));
            }
        }
        return this;
    }

    /**
     * A key as an error may repeat it: runs of 12 or more digits (a card number sent as a key, also with spaces or
     * dashes) masked, and at most 64 characters.
     */
    public static String echoable(String key) {
        String masked = LONG_DIGIT_RUN.matcher(key).replaceAll(r -> "*".repeat(r.group().length()));
        return masked.codePointCount(0, masked.length()) <= 64 ? masked
                : masked.substring(0, masked.offsetByCodePoints(0, 64)) + "…";
    }

    public String string(String field) {
        return read(field, JsonNode::isString, "a string", JsonNode::stringValue);
    }

    /** A string of at most {@code maxChars} code points. */
    public String string(String field, int maxChars) {
        String value = string(field);
        if (value != null) {
            Limits.maxChars(pathOf(field), value, maxChars);
        }
        return value;
    }

    public String requiredString(String field, int maxChars) {
        String value = string(field, maxChars);
        if (value == null) {
            throw ApiException.invalidBody("missing field `" + pathOf(field) + "`");
        }
        return value;
    }

    public Boolean bool(String field) {
        return read(field, JsonNode::isBoolean, "a boolean", JsonNode::booleanValue);
    }

    /** An integer that fits a {@code long}; floats, exponents and strings are rejected, never rounded. */
    public Long integer(String field) {
        return read(field, JsonNode::isIntegralNumber, "an integer", value -> {
            if (!value.canConvertToLong()) {
                throw ApiException.invalidBody("invalid value for field `" + pathOf(field) + "`: number out of range");
            }
            return value.longValue();
        });
    }

    /** A nested object, read with the same rules; {@code null} when absent. */
    public JsonFields object(String field) {
        return read(field, JsonNode::isObject, "an object", value -> new JsonFields((ObjectNode) value, pathOf(field)));
    }

    /** A number, integer or not (a rate, never money: money is {@link #integer}); {@code null} when absent. */
    public Double number(String field) {
        return read(field, JsonNode::isNumber, "a number", JsonNode::doubleValue);
    }

    /** A sequence of objects, each read with the same rules (paths like {@code lines[0].name}); null when absent. */
    public List<JsonFields> objects(String field) {
        return read(field, JsonNode::isArray, "a sequence of objects", value -> {
            List<JsonFields> items = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                String itemPath = pathOf(field) + "[" + i + "]";
                JsonNode item = value.get(i);
                if (!item.isObject()) {
                    throw ApiException.invalidBody("invalid type: " + describe(item)
                            + ", expected an object for field `" + itemPath + "`");
                }
                items.add(new JsonFields((ObjectNode) item, itemPath));
            }
            return items;
        });
    }

    /** A string that must be one of {@code allowed}, reported like an unknown enum variant. */
    public String oneOf(String field, Set<String> allowed) {
        String value = string(field);
        if (value != null && !allowed.contains(value)) {
            // An empty set: a server without connectors (the built-in simulator switched off) takes no name.
            throw ApiException.invalidBody("unknown variant `" + Limits.excerpt(value) + "` for field `"
                    + pathOf(field) + (allowed.isEmpty() ? "`: this server accepts none" : "`, expected one of "
                    + String.join(", ", new TreeSet<>(allowed).stream().map(v -> "`" + v + "`").toList())));
        }
        return value;
    }

    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private ApiException typeError(String field, JsonNode value, String expected) {
        return ApiException.invalidBody("invalid type: " + describe(value) + ", expected " + expected
                + " for field `" + pathOf(field) + "`");
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "no value";
        }
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "floating point number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "map";
            case ARRAY -> "sequence";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
