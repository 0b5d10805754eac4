package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import co.vaultera.common.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks query parameters before a handler reads them, in one pass:
 * <ul>
 *   <li>None may hold the NUL character ({@code %00}), for the reason {@link NulInBodyCheck} gives for bodies: a list
 *   filter with it would reach PostgreSQL and fail there as a 500. A query string that is not valid
 *   percent-encoded UTF-8 fails while Tomcat parses it here, and {@link ApiExceptionHandler} answers that as a 400
 *   too.</li>
 *   <li>None may be given twice ({@code ?limit=5&limit=100}), unless {@code repeatsAllowed}: which one a handler
 *   would read is a guess the client did not mean, so it is a 400, as Hyperswitch's query parsing answers
 *   ("duplicate field"). Allowed on the 3DS return endpoints, whose query is whatever the processor appends.</li>
 * </ul>
 */
public class QueryParameterCheck implements HandlerInterceptor {

    private final boolean repeatsAllowed;

    public QueryParameterCheck(boolean repeatsAllowed) {
        this.repeatsAllowed = repeatsAllowed;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean refuseRepeats = !repeatsAllowed && request.getQueryString() != null;
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
            if (refuseRepeats && parameter.getValue().length > 1) {
                throw new ApiException(ErrorCode.IR_06, "query parameter `" + JsonFields.echoable(name)
                        + "` is given " + parameter.getValue().length + " times: give it once");
            }
        }
        return true;
    }
}
