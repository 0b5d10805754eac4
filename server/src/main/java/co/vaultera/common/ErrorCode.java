package co.vaultera.common;

import org.springframework.http.HttpStatus;

/** The reference error codes we answer with, each with its HTTP status (see reference/errors-auth.md §3). */
public enum ErrorCode {
    IR_00(HttpStatus.NOT_IMPLEMENTED),
    IR_01(HttpStatus.UNAUTHORIZED),
    IR_02(HttpStatus.NOT_FOUND),
    IR_03(HttpStatus.METHOD_NOT_ALLOWED),
    IR_04(HttpStatus.BAD_REQUEST),
    IR_05(HttpStatus.UNPROCESSABLE_CONTENT),
    IR_06(HttpStatus.BAD_REQUEST),
    IR_07(HttpStatus.BAD_REQUEST),
    IR_10(HttpStatus.BAD_REQUEST),
    IR_11(HttpStatus.BAD_REQUEST),
    IR_12(HttpStatus.BAD_REQUEST),
    IR_13(HttpStatus.BAD_REQUEST),
    IR_14(HttpStatus.BAD_REQUEST),
    IR_16(HttpStatus.BAD_REQUEST),
    IR_08(HttpStatus.BAD_REQUEST),
    IR_09(HttpStatus.BAD_REQUEST),
    IR_39(HttpStatus.BAD_REQUEST),
    HE_00(HttpStatus.INTERNAL_SERVER_ERROR),
    HE_01(HttpStatus.BAD_REQUEST),
    HE_02(HttpStatus.NOT_FOUND),
    HE_03(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
