package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter given more than once ({@code ?limit=5&limit=100}): which one a handler would read is
 * a guess the client did not mean, so it is a 400, as Hyperswitch's query parsing answers ("duplicate field").
 * Not registered for the 3DS return endpoints: what a processor appends to its return there is the processor's.
 */
public class RepeatedQueryParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getQueryString() == null) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                throw new ApiException(ErrorCode.IR_06, "query parameter `" + JsonFields.echoable(parameter.getKey())
                        + "` is given " + parameter.getValue().length + " times: give it once");
            }
        }
        return true;
    }
}
