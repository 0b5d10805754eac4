package co.vaultera.common;

import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about, as {@code {"error":{"type","message","code"}}}. The message is written for
 * the merchant: it may name a field, never echo a card number or a secret.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;

    public ApiException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    public ApiException(ErrorCode code, HttpStatus status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The wire {@code type}: it follows the HTTP class, as in the reference, where 501 counts as the client's. */
    public String type() {
        return status.is5xxServerError() && status != HttpStatus.NOT_IMPLEMENTED ? "api" : "invalid_request";
    }

    public static ApiException invalidBody(String message) {
        return new ApiException(ErrorCode.IR_06, "Json deserialize error: " + message);
    }

    public static ApiException notFound(String thing) {
        return new ApiException(ErrorCode.HE_02, thing + " does not exist in our records");
    }

    public static ApiException unauthorized() {
        return new ApiException(ErrorCode.IR_01, "API key not provided or invalid API key used");
    }
}
