package co.vaultera.common;

import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about, as {@code {"error":{"type","message","code"}}} (and an optional
 * {@code reason}). The message is written for the merchant: it may name a field, never echo a card number or a
 * secret.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;
    private final String reason;

    public ApiException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    public ApiException(ErrorCode code, HttpStatus status, String message) {
        this(code, status, message, null);
    }

    private ApiException(ErrorCode code, HttpStatus status, String message, String reason) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.reason = reason;
    }

    /**
     * The same error with the reference's optional {@code reason} beside its message (a duplicate {@code payment_id},
     * a connector account that does not exist): which object, where the message is the reference's fixed text.
     */
    public ApiException withReason(String reason) {
        return new ApiException(code, status, getMessage(), reason);
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The optional {@code reason} of the error body, or {@code null}. */
    public String reason() {
        return reason;
    }

    /** The wire {@code type}: it follows the HTTP class, as in the reference, where 501 counts as the client's. */
    public String type() {
        return status.is5xxServerError() && status != HttpStatus.NOT_IMPLEMENTED ? "api" : "invalid_request";
    }

    /**
     * A capability the reference defines and this switch does not offer (mandates, wallets, payment links, …): the
     * reference's code for it, 501 IR_00, with what to do instead. A final answer, not a failure of the request.
     *
     * @param what the field or route asked for, as the merchant wrote it
     * @param why  what the switch offers instead, or why it cannot
     */
    public static ApiException unsupported(String what, String why) {
        return new ApiException(ErrorCode.IR_00, "`" + what + "` is not supported by this switch: " + why);
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
