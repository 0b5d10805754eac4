package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The money rule of a capture, kept pure so it can be checked exhaustively: never more than is capturable. */
public final class CaptureRules {

    private CaptureRules() {
    }

    /** The amount to capture: the requested amount, or everything capturable; 0 < amount ≤ capturable. */
    public static long amountToCapture(long capturable, Long requested) {
        long amount = requested != null ? requested : capturable;
        if (amount <= 0 || amount > capturable) {
            throw new ApiException(ErrorCode.IR_06, HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount_to_capture is greater than amount capturable (" + capturable + ")");
        }
        return amount;
    }
}
