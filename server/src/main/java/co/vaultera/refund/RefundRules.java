package co.vaultera.refund;

import co.vaultera.common.ApiException;
import co.vaultera.common.ErrorCode;

/**
 * The money rules of refund creation, kept pure so they can be checked exhaustively: at most
 * {@value #MAX_REFUNDS} refunds per payment, and Σ(refunds not failed, pending included) never above what was
 * captured. The caller holds the payment's row lock, so the figures cannot move underneath.
 */
public final class RefundRules {

    public static final int MAX_REFUNDS = 10;

    private RefundRules() {
    }

    /**
     * The amount to refund.
     *
     * @param captured         what the payment has captured
     * @param alreadyRefunded  Σ of its refunds that have not failed (pending ones included)
     * @param refundCount      how many refunds it has, failed ones included
     * @param requested        the amount asked for, or {@code null} for "all that is left"
     */
    public static long amountToRefund(long captured, long alreadyRefunded, int refundCount, Long requested) {
        if (refundCount >= MAX_REFUNDS) {
            throw new ApiException(ErrorCode.IR_12, "Reached maximum refund attempts");
        }
        long remaining = captured - alreadyRefunded;
        long amount = requested != null ? requested : remaining;
        if (amount <= 0 && requested == null) {
            throw new ApiException(ErrorCode.IR_13, "The refund amount exceeds the amount captured");
        }
        if (amount <= 0) {
            throw ApiException.invalidBody("invalid value for field `amount`: expected a positive integer");
        }
        if (amount > remaining) {
            throw new ApiException(ErrorCode.IR_13, "The refund amount exceeds the amount captured");
        }
        return amount;
    }
}
