package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.JsonFields;
import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a JSON body with the NUL character ({@code \u0000}) in any text, keys included, before a handler reads
 * it: PostgreSQL's {@code text} cannot hold it, so such a value would pass validation and fail at the insert with
 * a 500. One walk of the parsed tree (bodies are at most 32 KB, {@link BodyLimitFilter}); encrypted and hashed
 * values would survive it, but one rule for every field is simpler to state and to trust.
 */
@ControllerAdvice
public class NulInBodyCheck extends RequestBodyAdviceAdapter {

    static final String NO_NUL = "text may not contain the NUL character (\\u0000)";

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return JsonNode.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        String at = nulAt((JsonNode) body);
        if (at != null) {
            throw ApiException.invalidBody("invalid value for field `" + JsonFields.echoable(at.replace('\0', '?'))
                    + "`: " + NO_NUL);
        }
        return body;
    }

    /**
     * Where the first text holding a NUL is, relative to {@code node} ({@code billing.address.city},
     * {@code order_details[1]}; empty for {@code node} itself), or null. Paths are made only for a hit: the walk
     * runs on every request, nearly always finding nothing.
     */
    static String nulAt(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().indexOf('\0') >= 0 ? "" : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = nulAt(node.get(i));
                if (at != null) {
                    return "[" + i + "]" + below(at);
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().indexOf('\0') >= 0) {
                    return field.getKey();
                }
                String at = nulAt(field.getValue());
                if (at != null) {
                    return field.getKey() + below(at);
                }
            }
        }
        return null;
    }

    /** A child's relative path as it follows its parent's name: {@code .city}, {@code [1]}, or nothing. */
    private static String below(String at) {
        return at.isEmpty() || at.startsWith("[") ? at : "." + at;
    }
}
