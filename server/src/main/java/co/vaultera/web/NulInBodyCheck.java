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
        String at = nulAt((JsonNode) body, "");
        if (at != null) {
            throw ApiException.invalidBody("invalid value for field `" + at + "`: " + NO_NUL);
        }
        return body;
    }

    /** The path of the first text holding a NUL ({@code billing.address.city}, {@code order_details[1]}), or null. */
    static String nulAt(JsonNode node, String path) {
        if (node.isString()) {
            return node.stringValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = nulAt(node.get(i), path + "[" + i + "]");
                if (at != null) {
                    return at;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                if (key.indexOf('\0') >= 0) {
                    return JsonFields.echoable(child.replace('\0', '?'));
                }
                String at = nulAt(field.getValue(), child);
                if (at != null) {
                    return JsonFields.echoable(at);
                }
            }
        }
        return null;
    }
}
