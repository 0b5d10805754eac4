package co.vaultera.payment;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** The money rules of a capture, kept pure so they can be checked exhaustively: never more than is capturable. */
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

    /**
     * Checks the {@code amount_to_capture} a create or update leaves on the payment (reference §3): at most the
     * amount, and with automatic capture the amount itself, since that one capture takes everything. Checked on the
     * payment with the request applied, so an update of the amount or capture method alone is held to an
     * {@code amount_to_capture} given earlier. Zero and negative values never get this far (a 400 when read).
     */
    public static void checkPreset(long amount, String captureMethod, Long amountToCapture) {
        if (amountToCapture == null) {
            return;
        }
        if (amountToCapture > amount) {
            // IR_06 raised by business logic, not by reading the body: the reference's 422.
            throw new ApiException(ErrorCode.IR_06, HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount_to_capture is greater than amount");
        }
        if (automatic(captureMethod) && amountToCapture != amount) {
            // Hyperswitch answers this mismatch as a failed precondition (IR_16), not as invalid data.
            throw new ApiException(ErrorCode.IR_16, "amount_to_capture must be equal to the amount (" + amount
                    + ") when capture_method is " + captureMethod);
        }
    }

    /** Whether the processor captures along with the authorization, so there is no capture call to make. */
    public static boolean automatic(String captureMethod) {
        return "automatic".equals(captureMethod) || "sequential_automatic".equals(captureMethod);
    }
}
