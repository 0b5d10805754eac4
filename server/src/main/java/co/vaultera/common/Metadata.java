package co.vaultera.common;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spec's {@code metadata} rules: a JSON object of at most 50 keys, key names at most 40 characters, values at
 * most 500 characters. A value that is not a string counts by the length of its compact JSON text.
 */
public final class Metadata {

    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_CHARS = 40;
    public static final int MAX_VALUE_CHARS = 500;

    private Metadata() {
    }

    /** The validated metadata object of {@code fields}, or {@code null} when absent. */
    public static ObjectNode read(JsonFields fields, String field) {
        JsonNode value = fields.node().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String path = fields.pathOf(field);
        if (!value.isObject()) {
            throw ApiException.invalidBody("invalid type for field `" + path + "`, expected an object");
        }
        ObjectNode metadata = (ObjectNode) value;
        if (metadata.size() > MAX_KEYS) {
            throw ApiException.invalidBody("field `" + path + "` has " + metadata.size() + " keys; at most "
                    + MAX_KEYS + " are allowed");
        }
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            String key = entry.getKey();
            if (key.codePointCount(0, key.length()) > MAX_KEY_CHARS) {
                throw ApiException.invalidBody("a key of field `" + path + "` is longer than " + MAX_KEY_CHARS
                        + " characters");
            }
            JsonNode v = entry.getValue();
            String text = v.isString() ? v.stringValue() : v.toString();
            if (text.codePointCount(0, text.length()) > MAX_VALUE_CHARS) {
                throw ApiException.invalidBody("the value of key `" + Limits.excerpt(key) + "` in field `" + path
                        + "` is longer than " + MAX_VALUE_CHARS + " characters");
            }
        }
        return metadata;
    }
}
