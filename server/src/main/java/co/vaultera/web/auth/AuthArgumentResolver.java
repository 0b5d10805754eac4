package co.vaultera.web.auth;

import co.vaultera.apikey.ApiKeyService;
import co.vaultera.common.ApiException;
import co.vaultera.connectoraccount.ConnectorAccountService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link AdminContext}, {@link MerchantContext} and {@link AdminOrMerchantContext} parameters from the
 * {@code api-key} header (and checks a merchant request's {@code X-Profile-Id}). Arguments resolve in declaration
 * order, so a handler that lists its body first parses the body before authenticating, as the reference does (a
 * malformed body is a 400 even with a wrong key).
 */
@Component
public class AuthArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "api-key";
    /** The reference's optional header that scopes a merchant's request to one of its business profiles. */
    public static final String PROFILE_HEADER = "X-Profile-Id";

    private final AdminKey adminKey;
    private final ApiKeyService apiKeys;
    private final ConnectorAccountService profiles;

    public AuthArgumentResolver(AdminKey adminKey, ApiKeyService apiKeys, ConnectorAccountService profiles) {
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
        this.profiles = profiles;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == AdminContext.class || type == MerchantContext.class || type == AdminOrMerchantContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        String key = http.getHeader(HEADER);
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
        String profile = http.getHeader(PROFILE_HEADER);
        if (profile != null && !profiles.hasProfile(merchant, profile.strip())) {
            // Another merchant's profile is as unknown as a made-up one. A merchant has exactly one profile
            // (made with it; this switch offers no profile routes), so a known one selects all the merchant has.
            throw ApiException.unauthorized();
        }
        return parameter.getParameterType() == AdminOrMerchantContext.class
                ? new AdminOrMerchantContext(merchant) : merchant;
    }
}
