package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container or a filter) land here; they get the same envelope
 * as everything else instead of the container's default page.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ApiException e = switch (status) {
            case 404 -> new ApiException(ErrorCode.IR_02, "Unrecognized request URL");
            case 405 -> new ApiException(ErrorCode.IR_03, "The HTTP method is not applicable for this API");
            case 400 -> new ApiException(ErrorCode.IR_06, "Bad request");
            default -> status >= 400 && status < 500
                    ? new ApiException(ErrorCode.IR_06, HttpStatus.valueOf(status), "Bad request")
                    : ApiExceptionHandler.internal();
        };
        return ResponseEntity.status(e.status()).body(ErrorBodies.of(e));
    }
}
