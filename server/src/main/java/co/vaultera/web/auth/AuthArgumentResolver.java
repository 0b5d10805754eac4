package co.vaultera.web.auth;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link AdminContext}, {@link MerchantContext} and {@link AdminOrMerchantContext} parameters from the
 * {@code api-key} header. Arguments
 * resolve in declaration order, so a handler that lists its body first parses the body before authenticating, as
 * the reference does (a malformed body is a 400 even with a wrong key).
 */
@Component
public class AuthArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "api-key";

    private final AdminKey adminKey;
    private final ApiKeyService apiKeys;

    public AuthArgumentResolver(AdminKey adminKey, ApiKeyService apiKeys) {
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == AdminContext.class || type == MerchantContext.class || type == AdminOrMerchantContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String key = request.getNativeRequest(HttpServletRequest.class).getHeader(HEADER);
        key = key == null ? "" : key.strip();
        if (key.isEmpty()) {
            throw ApiException.unauthorized();
        }
        if (parameter.getParameterType() == AdminContext.class) {
            if (!adminKey.matches(key)) {
                throw ApiException.unauthorized();
            }
            return new AdminContext();
        }
        if (parameter.getParameterType() == AdminOrMerchantContext.class && adminKey.matches(key)) {
            return new AdminOrMerchantContext(null);
        }
        MerchantContext merchant = apiKeys.authenticate(key).orElseThrow(ApiException::unauthorized);
        return parameter.getParameterType() == AdminOrMerchantContext.class
                ? new AdminOrMerchantContext(merchant) : merchant;
    }
}
