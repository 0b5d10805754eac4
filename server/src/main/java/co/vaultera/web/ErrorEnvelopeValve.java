package co.vaultera.web;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to a request it refuses before any filter or controller runs (a path holding {@code %2F} or
 * {@code %00}, an over-long header, a malformed request line or {@code Content-Length}): the API's error envelope
 * instead of Tomcat's HTML page. Installed as the host's error report valve ({@link ErrorEnvelopeValveConfig}).
 * Errors of requests the application handled already have their body (this writes only into an empty one).
 *
 * <p>The words are fixed per status: Tomcat's own message may quote the request, which may hold anything.
 */
public class ErrorEnvelopeValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorBodies.json(envelope(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was taken meanwhile: nothing left to tell.
        }
    }

    static ApiException envelope(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus http = known != null ? known : HttpStatus.BAD_REQUEST;
        return switch (status) {
            case 404 -> new ApiException(ErrorCode.IR_02, http, "Unrecognized request URL");
            case 405, 501 -> new ApiException(ErrorCode.IR_03, http, "The HTTP method is not applicable for this API");
            default -> http.is5xxServerError()
                    ? new ApiException(ErrorCode.HE_00, http, "Something went wrong")
                    : new ApiException(ErrorCode.IR_06, http, "The request could not be read: "
                            + "malformed request line, path, headers or query string (" + status + " "
                            + http.getReasonPhrase() + ")");
        };
    }
}
