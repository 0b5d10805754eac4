package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters holding the NUL character ({@code %00}) before a handler reads them, for the reason
 * {@link NulInBodyCheck} gives for bodies: a list filter with it would reach PostgreSQL and fail there as a 500. A
 * query string that is not valid percent-encoded UTF-8 fails while Tomcat parses it here, and
 * {@link ApiExceptionHandler} answers that as a 400 too.
 */
public class QueryParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            boolean nul = name.indexOf('\0') >= 0;
            for (String value : parameter.getValue()) {
                nul |= value.indexOf('\0') >= 0;
            }
            if (nul) {
                throw new ApiException(ErrorCode.IR_06, "invalid value for query parameter `"
                        + JsonFields.echoable(name.replace('\0', '?')) + "`: " + NulInBodyCheck.NO_NUL);
            }
        }
        return true;
    }
}
